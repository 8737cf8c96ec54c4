/**
 * Fuzzing support shared by test/fuzz.test.ts (a bounded run in `npm test`)
 * and scripts/fuzz.ts (`npm run fuzz`, the long run): report-shaped Markdown
 * from a grammar, mutations of real reports, and the invariants every lint
 * must keep.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { rules } from '../../rules/index.js';
import { defaultConfig, resolveRules } from '../../src/config/index.js';
import { lintText } from '../../src/engine/index.js';
import { parseNow } from '../../src/now.js';
import { fixLoop } from '../../src/engine/fix.js';
import { TEMPLATES } from '../../src/templates.js';
import type { LintMessage } from '../../src/types.js';

const root = path.join(import.meta.dirname, '..', '..');
const resolved = resolveRules(defaultConfig(), rules);
const NOW = parseNow('2025-12-01')!;
const knownRules = rules.map((r) => r.meta.id);

export function lint(text: string): LintMessage[] {
  return lintText(text, { rules: resolved, now: NOW, reportUnusedDisables: true, knownRules }).messages;
}

/** Every whole-report fixture, as text. */
export function fixtureReports(): Array<{ name: string; text: string }> {
  const dir = path.join(root, 'fixtures', 'reports');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') }));
}

// ---------------------------------------------------------------- grammar

/** Values people write, and values that stress parsers. */
const VALUES = [
  'N/A', 'n/a', 'None', '-', 'TBD', 'TODO', 'XXX', 'Example', 'Value', '', ' ',
  'A000999', 'A12345', 'a000999', 'Self Reported', 'Third Party Reported', 'Audit', 'Customer email',
  '2025-08-04', '2025-08-04 09:12 UTC', '2025-13-45', '03/04/2024', 'Aug 4, 2025', 'Q3 2025', 'ASAP', '2025-08-04T09:12:00+02:00', '09:12 CST',
  '14', '0', '-3', '1,234', '1e9', '99999999999999999999', 'about 20',
  'Yes. We stopped issuance at 16:40 UTC.', 'No', 'yes', 'Yes and no',
  'TLS BR version 2.1.6, section 3.2.2.8', 'the BRs', 'see comment #3', 'See bug 1234567',
  'Prevent', 'Mitigate', 'Detect', 'process', 'Ongoing', 'Complete', 'Completed', 'Cancelled', 'Done', 'In progress', 'Delayed',
  'human error', 'An engineer made a mistake.', 'Root Cause # 1', 'CF1', '#1', '1, 2', 'Contributing Factor #9',
  '[Two or three sentences describing the incident]', '`code`', '**bold**', '<!-- ir-lint-disable -->', '<b>html</b>',
  '| pipe | in | value |', '\\|', '::::::', '#'.repeat(7), '*'.repeat(40), '['.repeat(30), '-'.repeat(50), ' '.repeat(200) + 'x',
  '9'.repeat(300), ':'.repeat(300), '|'.repeat(300), 'é ü 中文 😀', '\u00a0', '\u200b', '\t',
  'https://bugzilla.mozilla.org/show_bug.cgi?id=1887007', 'https://crt.sh/?id=123456', 'a'.repeat(64), 'f'.repeat(63) + 'g',
];

const value = fc.constantFrom(...VALUES);
const words = fc.array(fc.constantFrom('the', 'CA', 'issued', 'certificates', 'UTC', 'on', '2025-08-12', 'because', 'N/A', ':', '|', '*', '#', '-', '[', ']', '14'), { maxLength: 12 }).map((w) => w.join(' '));
const text = fc.oneof({ weight: 3, arbitrary: value }, { weight: 2, arbitrary: words }, { weight: 1, arbitrary: fc.string({ maxLength: 30 }) });

const ALL_TEMPLATES = Object.values(TEMPLATES);
const REPORT_HEADINGS = ['Full Incident Report', 'Preliminary Incident Report', 'Report Closure Summary', 'Incident Report', 'Incident report', 'Closure'];
const headingMark = fc.constantFrom('# ', '## ', '### ', '#### ', '**', '', '- **');
const bullet = fc.constantFrom('- ', '* ', '• ', '', '  - ', '> ', '1. ');

function heading(mark: string, title: string): string {
  if (mark === '**') return `**${title}**`;
  if (mark === '- **') return `- **${title}:**`;
  return `${mark}${title}`;
}

const field = fc.record({ b: bullet, label: fc.constantFrom(...ALL_TEMPLATES.flatMap((t) => t.sections.flatMap((s) => (s.fields ?? []).map((f) => f.label))), 'Unknown label'), bold: fc.boolean(), v: text }).map(
  ({ b, label, bold, v }) => `${b}${bold ? `**${label}:**` : `${label}:`} ${v}`,
);

const tableRow = (cols: number): fc.Arbitrary<string> => fc.array(text, { minLength: 1, maxLength: cols + 1 }).map((cells) => `| ${cells.map((c) => c.replace(/\n/g, ' ')).join(' | ')} |`);

const table = fc.integer({ min: 2, max: 7 }).chain((cols) =>
  fc.tuple(fc.constantFrom('| Time | Event |', '| Action Item | Kind | Corresponding Root Cause(s) | Evaluation Criteria | Due Date | Status |', '| Action Item | Due Date | Status |', '| Bug | Date | Description |', '| a | b |'), fc.boolean(), fc.array(tableRow(cols), { maxLength: 6 })).map(
    ([head, sep, rows]) => [head, sep ? `|${' --- |'.repeat(head.split('|').length - 2)}` : '', ...rows].filter((l) => l !== '').join('\n'),
  ),
);

const timelineEntry = fc.tuple(bullet, fc.constantFrom('2025-08-04 09:12 UTC', '2025-08-04', '04/08/2025 10:00', '2025-08-12T14:30:00Z', 'Aug 12 2025, 14:30 PST', '2026-01-01 00:00 UTC', '10:00'), text).map(([b, t, v]) => `${b}${t}: ${v}`);

const factor = fc.tuple(fc.integer({ min: 0, max: 4 }), text, fc.array(field, { maxLength: 4 })).map(([n, title, fields]) => [`**Contributing Factor #${n}: ${title}**`, '', ...fields].join('\n'));

const sectionBody = fc.array(fc.oneof({ weight: 4, arbitrary: field }, { weight: 1, arbitrary: table }, { weight: 2, arbitrary: timelineEntry }, { weight: 1, arbitrary: factor }, { weight: 2, arbitrary: text }, { weight: 1, arbitrary: fc.constant('') }), { maxLength: 8 }).map((ls) => ls.join('\n'));

const section = fc.record({ mark: headingMark, title: fc.constantFrom(...new Set(ALL_TEMPLATES.flatMap((t) => t.sections.map((s) => s.title))), 'Notes'), body: sectionBody }).map(({ mark, title, body }) => `${heading(mark, title)}\n\n${body}`);

const frontMatter = fc.option(
  fc.array(fc.constantFrom('title: "Example Trust: Stale CAA"', 'posted: 2025-09-10', 'posted: not-a-date', 'bug: 1999001', 'ca-owner: Example', '__proto__: { polluted: true }', 'x: !!js/function "f"', 'a: &a [*a]', 'title: [unclosed', 'unknown-key: 1'), { maxLength: 4 }).map((ls) => `---\n${ls.join('\n')}\n---\n`),
  { nil: '' },
);

const reportBlock = fc.tuple(headingMark, fc.constantFrom(...REPORT_HEADINGS), fc.array(section, { maxLength: 9 })).map(([m, h, ss]) => [heading(m, h), '', ...ss].join('\n\n'));

/** A report-shaped Markdown file from the grammar. */
export const grammarReport: fc.Arbitrary<string> = fc
  .tuple(frontMatter, fc.option(fc.constantFrom('# Example Trust: Stale CAA check', '# title', '#'), { nil: '' }), fc.array(reportBlock, { minLength: 1, maxLength: 3 }))
  .map(([fm, title, blocks]) => `${fm}${title}\n\n${blocks.join('\n\n')}\n`);

// ---------------------------------------------------------------- mutations

type Mutation = (lines: string[]) => string[];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((i): Mutation => (ls) => ls.filter((_, k) => k !== i % Math.max(1, ls.length))), // delete a line
  fc.tuple(fc.nat(), fc.nat(), fc.nat({ max: 20 })).map(([a, b, n]): Mutation => (ls) => {
    // swap two runs of lines (sections, when they start at headings)
    if (ls.length < 2) return ls;
    const i = a % ls.length;
    const j = b % ls.length;
    const [x, y] = i < j ? [i, j] : [j, i];
    const len = Math.min(n + 1, y - x);
    if (len <= 0) return ls;
    return [...ls.slice(0, x), ...ls.slice(y, y + len), ...ls.slice(x + len, y), ...ls.slice(x, x + len), ...ls.slice(y + len)];
  }),
  fc.nat().map((i): Mutation => (ls) => (ls.length === 0 ? ls : [...ls.slice(0, (i % ls.length) + 1), ls[i % ls.length] as string, ...ls.slice((i % ls.length) + 1)])), // duplicate a line
  fc.tuple(fc.nat(), text).map(([i, t]): Mutation => (ls) => [...ls.slice(0, i % (ls.length + 1)), t, ...ls.slice(i % (ls.length + 1))]), // insert a line
  fc.tuple(fc.nat(), fc.nat(), fc.string({ maxLength: 4 })).map(([i, c, s]): Mutation => (ls) => {
    // splice characters into a line
    if (ls.length === 0) return ls;
    const k = i % ls.length;
    const l = ls[k] as string;
    const at = c % (l.length + 1);
    return [...ls.slice(0, k), l.slice(0, at) + s + l.slice(at), ...ls.slice(k + 1)];
  }),
  fc.nat().map((i): Mutation => (ls) => ls.slice(0, i % (ls.length + 1))), // truncate
);

const lineEnding = fc.constantFrom<'lf' | 'crlf' | 'mixed' | 'cr'>('lf', 'lf', 'crlf', 'mixed', 'cr');

function withEndings(lines: string[], style: 'lf' | 'crlf' | 'mixed' | 'cr', seed: number): string {
  if (style === 'lf') return lines.join('\n');
  if (style === 'crlf') return lines.join('\r\n');
  if (style === 'cr') return lines.join('\r');
  let out = '';
  lines.forEach((l, i) => {
    out += l + (i === lines.length - 1 ? '' : (seed + i) % 3 === 0 ? '\r\n' : '\n');
  });
  return out;
}

/** A report (from the grammar or a real one) with random mutations and line endings. */
export function mutatedReport(bases: string[]): fc.Arbitrary<string> {
  const base = bases.length > 0 ? fc.oneof({ weight: 1, arbitrary: grammarReport }, { weight: 1, arbitrary: fc.constantFrom(...bases) }) : grammarReport;
  return fc.tuple(base, fc.array(mutation, { maxLength: 5 }), lineEnding, fc.nat()).map(([text, ms, style, seed]) => {
    let lines = text.split(/\r\n|\r|\n/);
    for (const m of ms) lines = m(lines);
    return withEndings(lines, style, seed);
  });
}

// ---------------------------------------------------------------- invariants

function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

/** Throws when a message's position or fix lies outside the text. */
export function checkPositions(text: string, messages: LintMessage[]): void {
  const lens = lineLengths(text);
  for (const m of messages) {
    const where = `${m.ruleId ?? 'ir-lint'} ${m.line}:${m.column}-${m.endLine}:${m.endColumn} (${m.message})`;
    const ok =
      Number.isInteger(m.line) && m.line >= 1 && m.line <= lens.length &&
      Number.isInteger(m.column) && m.column >= 1 && m.column <= (lens[m.line - 1] as number) + 1 &&
      Number.isInteger(m.endLine) && m.endLine >= m.line && m.endLine <= lens.length &&
      Number.isInteger(m.endColumn) && m.endColumn >= 1 && m.endColumn <= (lens[m.endLine - 1] as number) + 1 &&
      (m.endLine > m.line || m.endColumn >= m.column);
    if (!ok) throw new Error(`position outside the file: ${where}`);
    if (m.fix) {
      const [s, e] = m.fix.range;
      if (!(Number.isInteger(s) && Number.isInteger(e) && s >= 0 && e >= s && e <= text.length && typeof m.fix.text === 'string')) throw new Error(`fix range outside the file: ${where} [${s}, ${e}]`);
    }
    for (const r of m.related ?? []) {
      if (!(r.line >= 1 && r.line <= lens.length && r.column >= 1 && r.column <= (lens[r.line - 1] as number) + 1)) throw new Error(`related position outside the file: ${where} → ${r.line}:${r.column}`);
    }
    if (typeof m.message !== 'string' || m.message === '') throw new Error(`empty message: ${where}`);
  }
}

/**
 * The invariants: linting does not throw and no rule fails (internal error),
 * positions lie inside the file, output is deterministic, fixing is
 * idempotent (fixing the fixed text changes nothing) and the fixed text's
 * positions are right too.
 */
export function checkInvariants(text: string): void {
  const first = lint(text);
  const failed = first.filter((m) => m.fatal && m.messageId !== 'inputLimit');
  if (failed.length > 0) throw new Error(`a rule failed: ${failed.map((m) => m.message).join(' | ')}`);
  checkPositions(text, first);
  const again = lint(text);
  if (JSON.stringify(again) !== JSON.stringify(first)) throw new Error('output differs between two runs on the same input');
  const fixed = fixLoop(text, lint);
  checkPositions(fixed.output, fixed.messages);
  const refixed = fixLoop(fixed.output, lint);
  if (refixed.output !== fixed.output) throw new Error(`--fix is not idempotent: a second run changed the text again (${refixed.appliedCount} more fixes)`);
}

/** Every prefix of a text at offsets 0, stride, 2*stride, ..., and the whole text. */
export function* truncations(text: string, stride = 1): Generator<string> {
  for (let i = 0; i < text.length; i += stride) yield text.slice(0, i);
  yield text;
}
