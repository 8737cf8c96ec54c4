/**
 * Labelled fields ("- **Incident description:** ...") inside a section.
 */
import type { Field, SourceLine } from '../model.js';
import type { FieldSpec } from '../templates.js';
import { spanOf } from './positions.js';
import { labelPattern, wordCount } from './text.js';

interface CompiledLabel {
  spec: FieldSpec;
  re: RegExp;
  strict: boolean;
  /**
   * The label's leading ASCII letters and digits, lower-cased (the pattern
   * starts with them literally, case-insensitive); empty when it starts with
   * anything else.
   */
  prefix: string;
}

const labelCache = new WeakMap<FieldSpec, CompiledLabel[]>();

/** The pattern a label (or alias) is matched with at the start of a line body. */
export function labelRegExp(label: string): RegExp {
  const pat = labelPattern(label.replace(/(?<![?:])[?:]+$/, ''));
  // Label, optional closing emphasis, then `:`/`?`, the end of the line, or (long labels) a space.
  return new RegExp(`^[*_]{0,3}[ \\t]*${pat}[ \\t]*[*_]{0,3}[ \\t]*(?:[?:\\uFF1A\\uFF1F][ \\t]*(?:[?:\\uFF1A\\uFF1F][ \\t]*)?[*_]{0,3}[ \\t]*|$|(?=[ \\t]))`, 'i');
}

function compiled(spec: FieldSpec): CompiledLabel[] {
  let c = labelCache.get(spec);
  if (!c) {
    c = [spec.label, ...(spec.aliases ?? [])].map((label) => {
      const re = labelRegExp(label);
      const prefix = (/^[A-Za-z0-9]*/.exec(label)?.[0] ?? '').toLowerCase();
      return { spec, re, strict: wordCount(label) < 2, prefix };
    });
    labelCache.set(spec, c);
  }
  return c;
}

/**
 * Where a label would start: after at most three emphasis markers and any
 * spaces, as the label patterns allow. Labels start with a letter, so a
 * pattern can only match with the markers skipped greedily.
 */
function labelStart(body: string): number {
  let i = 0;
  while (i < 3 && (body[i] === '*' || body[i] === '_')) i++;
  while (body[i] === ' ' || body[i] === '\t') i++;
  return i;
}

/**
 * True when `body` has `prefix` (ASCII, lower-case) at `at`, ignoring ASCII
 * case. A case-insensitive pattern without the `u` flag matches an ASCII
 * character only with an ASCII one, so this is exact.
 */
function hasPrefixAt(body: string, prefix: string, at: number): boolean {
  if (body.length - at < prefix.length) return false;
  for (let k = 0; k < prefix.length; k++) {
    let c = body.charCodeAt(at + k);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== prefix.charCodeAt(k)) return false;
  }
  return true;
}

/** Match a field label at the start of a line body; returns the length of the label part. */
export function matchLabel(body: string, specs: FieldSpec[]): { spec: FieldSpec; length: number } | undefined {
  let best: { spec: FieldSpec; length: number } | undefined;
  const start = labelStart(body);
  for (const spec of specs) {
    for (const c of compiled(spec)) {
      if (!hasPrefixAt(body, c.prefix, start)) continue; // cannot match: skip the regex
      const m = c.re.exec(body);
      if (!m) continue;
      const rest = body.slice(m[0].length);
      const sep = /[?:\uFF1A\uFF1F]/.test(m[0].slice(-6)) || rest.length === 0;
      if (!sep && c.strict) continue;
      if (!best || m[0].length > best.length) best = { spec, length: m[0].length };
    }
  }
  return best;
}

export function readFields(bodyLines: SourceLine[], specs: FieldSpec[], lineStarts: number[]): Field[] {
  if (specs.length === 0) return [];
  const fields: Field[] = [];
  let open: { field: Field; inline: boolean; lastText: SourceLine | undefined; values: string[]; labelLine: SourceLine } | undefined;
  let sawBlank = false;

  const close = (): void => {
    if (!open) return;
    const f = open.field;
    f.value = open.values.join('\n').trim();
    if (open.lastText && f.value.length > 0) {
      const endLine = open.lastText;
      f.valueSpan = spanOf(lineStarts, f.valueSpan.start, endLine.bodyStart + endLine.body.length);
    }
    open = undefined;
  };

  for (const l of bodyLines) {
    if (l.kind === 'blank') {
      sawBlank = true;
      continue;
    }
    if (l.kind !== 'text' && l.kind !== 'table') continue;
    const match = l.kind === 'text' ? matchLabel(l.body, specs) : undefined;
    if (match) {
      close();
      const labelEnd = l.bodyStart + match.length;
      const labelText = l.body.slice(0, match.length).replace(/(?<![*_\s:?\uFF1A\uFF1F])[*_\s:?\uFF1A\uFF1F]+$/, '').replace(/^[*_\s]+/, '');
      const value = l.body.slice(match.length).replace(/^[*_\s]+/, '').trim();
      const valueStart = l.bodyStart + l.body.length - l.body.slice(match.length).replace(/^[*_\s]+/, '').length;
      const field: Field = {
        spec: match.spec,
        label: labelText,
        labelSpan: spanOf(lineStarts, l.bodyStart, labelEnd),
        value,
        valueSpan: spanOf(lineStarts, value ? valueStart : labelEnd, value ? l.bodyStart + l.body.length : labelEnd),
        line: l.line,
        children: [],
      };
      if (match.spec.parent) {
        const parent = [...fields].reverse().find((f) => f.spec.key === match.spec.parent);
        if (parent) parent.children.push(field);
      }
      fields.push(field);
      open = { field, inline: value.length > 0, lastText: value ? l : undefined, values: value ? [value] : [], labelLine: l };
      sawBlank = false;
      continue;
    }
    if (!open) continue;
    // A paragraph after a blank line, flush left, ends a bullet field that had its value inline.
    if (sawBlank && open.inline && l.indent === 0 && l.bullet === undefined && open.labelLine.bullet !== undefined) {
      close();
      continue;
    }
    sawBlank = false;
    const text = l.kind === 'table' ? l.raw.trim() : l.bullet ? `${l.bullet} ${l.body}` : l.body;
    if (open.values.length === 0) {
      open.field.valueSpan = spanOf(lineStarts, l.bodyStart - (l.bullet ? l.bullet.length + 1 : 0), l.bodyStart + l.body.length);
    }
    open.values.push(text);
    open.lastText = l;
  }
  close();
  return fields;
}
