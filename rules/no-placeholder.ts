import { flag, ruleOptions, stringList } from '../src/options.js';
import type { Table } from '../src/model.js';
import { norm } from '../src/parse/text.js';
import { perOptions } from '../src/memo.js';
import { defineRule } from '../src/types.js';

const DEFAULT_CELLS = ['Example', 'Value', 'Criteria', 'Related Bug ID', 'Related Bug URL', 'Date Related Bug was opened'];
const DEFAULT_WORDS = ['TBD', 'TODO', 'XXX', 'FIXME', 'TBC'];

const Options = ruleOptions({
    /** Whole cells or field values that are template filler. */
    cells: stringList(DEFAULT_CELLS),
    /** Words that mark unfinished text anywhere (matched as whole words, upper case). */
    words: stringList(DEFAULT_WORDS),
    /** Report bracketed instructions such as "[Two or three sentences summarizing the incident.]". */
    brackets: flag(true),
  });

const BRACKET = /\[([A-Z][^\][\n]{10,300})\](?![([:])/g;
const FACTOR_TITLE = /Contributing Factor[ \t]*#[ \t]*(?:\d+[ \t]*)?:[ \t]*(title)\b/g;
/** Words the action-item rules own inside the Action Items section (due dates). */
const DATE_WORDS = new Set(['TBD', 'TBC']);

const compiled = perOptions((o: { cells: string[]; words: string[] }) => {
  const words = o.words.filter((w) => /^[\w.-]+$/.test(w));
  return {
    cells: new Set(o.cells.map((c) => norm(c))),
    // Global: callers reset lastIndex before each line.
    wordRe: words.length > 0 ? new RegExp(`(?<![\\w-])(${words.map((w) => w.replace(/[.]/g, '\\.')).join('|')})(?![\\w-])`, 'g') : undefined,
  };
});

const LINK = /^\[([^\]\n]{1,100})\]\(([^()\n]{0,300})\)$/;

/** A whole cell or value of template filler, also as the template's link "[Related Bug ID](Related Bug URL)". */
function isFiller(text: string, cells: Set<string>): boolean {
  if (cells.has(norm(text))) return true;
  const m = LINK.exec(text.trim());
  return m !== null && (cells.has(norm(m[1] as string)) || cells.has(norm(m[2] as string)));
}

export default defineRule({
  meta: {
    id: 'no-placeholder',
    description: 'Disallow template filler and unfinished markers left in the report.',
    tags: ['structure'],
    severity: 'error',
    fixable: false,
    messages: {
      cell: 'Template placeholder "{{text}}" left in; replace it with this incident\'s own content.',
      bracket: 'Template instruction "{{text}}" left in; replace it with this incident\'s own content.',
      word: 'Unfinished marker "{{text}}" left in; finish the text before posting.',
      factorTitle: 'Contributing factor still titled "title"; name the factor (e.g. "Contributing Factor #1: Alert routed to an unmonitored queue").',
    },
    options: Options,
    rationale:
      'A posted report with "Example" rows, "[Two or three sentences …]" or TBD in it tells the community the report was not finished, and reviewers send it back. These are the IRG template\'s own filler values and the usual unfinished markers; add your drafting conventions in the options.',
    source: 'CCADB IRG 3.x report templates (placeholder values in the Related Incidents and Action Items tables, the Contributing Factor heading and the Closure Summary).',
    examples: [
      {
        title: 'Template row left in Related Incidents',
        code: '## Full Incident Report\n\n### Related Incidents\n\n| Bug | Date | Description |\n| --- | --- | --- |\n| Related Bug URL | Date Related Bug was opened | Example |\n',
        expect: [
          { messageId: 'cell', line: 7 },
          { messageId: 'cell', line: 7 },
          { messageId: 'cell', line: 7 },
        ],
      },
      { title: 'An instruction left in a closure', code: '## Report Closure Summary\n\n- **Incident description:** [Two or three sentences summarizing the incident.]\n', expect: [{ messageId: 'bracket', line: 3 }] },
    ],
  },
  check(report, ctx) {
    const { cells, wordRe } = compiled(ctx.options);
    const seenTables = new Set<Table>();

    for (const block of report.blocks) {
      const actionLines = new Set<number>();
      for (const s of block.sections) if (s.spec.key === 'action-items') for (const l of s.bodyLines) actionLines.add(l.line);

      for (const s of block.sections) {
        for (const f of s.fields) {
          if (f.value && isFiller(f.value, cells)) ctx.report({ messageId: 'cell', data: { text: f.value }, loc: { start: f.valueSpan.start, end: f.valueSpan.end } });
        }
        for (const t of s.tables) {
          if (seenTables.has(t)) continue;
          seenTables.add(t);
          for (const row of t.rows) {
            for (const c of row.cells) {
              if (c.text && isFiller(c.text, cells)) ctx.report({ messageId: 'cell', data: { text: c.text }, loc: { start: c.span.start, end: c.span.end } });
            }
          }
        }
      }

      for (const l of block.lines) {
        if (l.kind !== 'text' && l.kind !== 'table') continue;
        const raw = l.raw;
        if (ctx.options.brackets && raw.includes('[')) {
          BRACKET.lastIndex = 0;
          let m: RegExpExecArray | null;
          while ((m = BRACKET.exec(raw)) !== null) {
            const inner = m[1] as string;
            if (!/\s\S+\s/.test(inner)) continue; // "[RFC5280]" is a citation, not an instruction
            ctx.report({ messageId: 'bracket', data: { text: m[0].length > 70 ? `${m[0].slice(0, 69)}…` : m[0] }, loc: { start: l.start + m.index, end: l.start + m.index + m[0].length } });
          }
        }
        if (raw.includes('Contributing Factor')) {
          FACTOR_TITLE.lastIndex = 0;
          let m: RegExpExecArray | null;
          while ((m = FACTOR_TITLE.exec(raw)) !== null) {
            const idx = m.index + m[0].length - 5;
            ctx.report({ messageId: 'factorTitle', loc: { start: l.start + idx, end: l.start + idx + 5 } });
          }
        }
        if (wordRe) {
          wordRe.lastIndex = 0;
          let m: RegExpExecArray | null;
          while ((m = wordRe.exec(raw)) !== null) {
            const w = m[1] as string;
            if (actionLines.has(l.line) && DATE_WORDS.has(w)) continue;
            ctx.report({ messageId: 'word', data: { text: w }, loc: { start: l.start + m.index, end: l.start + m.index + w.length } });
          }
        }
      }
    }
  },
});
