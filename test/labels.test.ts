import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelRegExp, matchLabel } from '../src/parse/fields.js';
import type { FieldSpec } from '../src/templates.js';
import { TEMPLATES } from '../src/templates.js';

// Every field spec of every template section: the labels matchLabel() must recognise.
const specs = Object.values(TEMPLATES).flatMap((t) => t.sections.flatMap((s) => s.fields ?? []));

describe('matchLabel', () => {
  it('recognises every label and alias under any case and the markup the patterns allow', () => {
    const labels = specs.flatMap((spec) => [spec.label, ...(spec.aliases ?? [])].map((label) => ({ spec, label })));
    const markup = fc.constantFrom('', '*', '**', '***', '_', '__', '*_');
    const space = fc.constantFrom('', ' ', '  ', '\t');
    fc.assert(
      fc.property(fc.constantFrom(...labels), markup, space, fc.boolean(), ({ spec, label }, open, gap, upper) => {
        const written = upper ? label.toUpperCase() : label.toLowerCase();
        const bare = written.replace(/[?:]+$/, '');
        const body = `${open}${gap}${bare}:${open.split('').reverse().join('')} some value`;
        const m = matchLabel(body, [spec]);
        expect(m?.spec.key, body).toBe(spec.key);
      }),
      { numRuns: 3000 },
    );
  });

  it('does not take a line that only mentions a label later on', () => {
    const spec = specs.find((s) => s.label.startsWith('Incident description'));
    expect(spec).toBeDefined();
    if (spec) expect(matchLabel('See the Incident description: above', [spec])).toBeUndefined();
  });

  it('skips only patterns that cannot match: the same result as trying every pattern', () => {
    // The reference: every label pattern of every spec, no prefilter.
    const reference = (body: string): { spec: FieldSpec; length: number } | undefined => {
      let best: { spec: FieldSpec; length: number } | undefined;
      for (const spec of specs) {
        for (const label of [spec.label, ...(spec.aliases ?? [])]) {
          const m = labelRegExp(label).exec(body);
          if (!m) continue;
          const sep = /[?:\uFF1A]/.test(m[0].slice(-6)) || body.length === m[0].length;
          if (!sep && label.trim().split(/\s+/).length < 2) continue;
          if (!best || m[0].length > best.length) best = { spec, length: m[0].length };
        }
      }
      return best;
    };
    const labels = specs.flatMap((spec) => [spec.label, ...(spec.aliases ?? [])]);
    // A label, cut or with one character changed (case, a look-alike, a space), after markup.
    const body = fc
      .tuple(
        fc.constantFrom(...labels),
        fc.constantFrom('', '*', '**', '***', '****', '_', ' ', '\t', '** ', '>'),
        fc.nat(40),
        fc.constantFrom('', 'A', 'a', 'K', '\u212A', '\u0130', 'ı', ' ', '-', '\u2011', "'", '1'),
        fc.constantFrom('', ':', ': value', '?', ' value', '\uFF1A x', '**:** x'),
        fc.boolean(),
      )
      .map(([label, open, cut, swap, tail, upper]) => {
        const at = Math.min(cut, label.length);
        const text = upper ? label.toUpperCase() : label;
        return `${open}${text.slice(0, at)}${swap}${text.slice(at + (swap ? 1 : 0))}${tail}`;
      });
    fc.assert(
      fc.property(body, (b) => {
        const got = matchLabel(b, specs);
        const want = reference(b);
        expect(got && { key: got.spec.key, length: got.length }, b).toEqual(want && { key: want.spec.key, length: want.length });
      }),
      { numRuns: 3000, seed: 20261127 },
    );
  });
});
