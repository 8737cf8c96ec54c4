import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchLabel } from '../src/parse/blocks.js';
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
});
