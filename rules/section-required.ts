import type { IncidentReport, ReportBlock, Section } from '../src/model.js';
import { at, unclosedHtml } from '../src/query.js';
import { defineRule, type Fix } from '../src/types.js';

/**
 * The `#` marks the block's sections use, when every one of them is a plain
 * ATX heading of one level at the start of its line; otherwise no fix (a bold
 * or bare heading, a quoted one or mixed levels leave no single right answer).
 */
function siblingMarks(report: IncidentReport, block: ReportBlock): string | undefined {
  let marks: string | undefined;
  for (const s of block.sections) {
    if (s.headingStyle !== 'atx') return undefined;
    const m = /^(#{1,6})[ \t]/.exec(report.lines[s.headingSpan.line - 1]?.raw ?? '');
    if (!m || (marks !== undefined && marks !== m[1])) return undefined;
    marks = m[1];
  }
  return marks;
}

/** Offset of the start of a 1-based line (the end of the source past the last line). */
function lineStart(report: IncidentReport, line: number): number {
  return report.lineStarts[line - 1] ?? report.source.length;
}

/** Insert the headings before the next present section's heading line. */
function insertBefore(report: IncidentReport, marks: string, titles: string[], next: Section): Fix {
  const at = lineStart(report, next.headingSpan.line);
  return { range: [at, at], text: titles.map((t) => `${marks} ${t}\n\n`).join('') };
}

/**
 * Insert the headings after the block's last line, when the block ends where
 * the file ends or where another report (or a heading at the report's level)
 * starts. A block cut short by pasted Bugzilla thread text has no known end.
 */
/** True when a fenced code block is still open at the end of the file: headings appended there would be code. */
function endsInOpenFence(report: IncidentReport): boolean {
  let i = report.lines.length - 1;
  while (i >= 0 && report.lines[i]?.kind === 'blank') i--;
  const last = report.lines[i];
  if (!last || last.kind !== 'code') return false;
  while (i > 0 && report.lines[i - 1]?.kind === 'code') i--;
  const first = report.lines[i];
  const open = first ? /^[ \t>]*(`{3,}|~{3,})/.exec(first.raw) : null;
  if (!first || !open) return false;
  if (first === last) return true;
  const fence = open[1] as string;
  return !new RegExp(`^[ \\t>]*\\${fence[0]}{${fence.length},}[ \\t]*$`).test(last.raw);
}

function insertAtEnd(report: IncidentReport, block: ReportBlock, marks: string, titles: string[]): Fix | undefined {
  if (endsInOpenFence(report)) return undefined;
  // Headings appended inside an HTML comment (or <pre>...) left open would be part of it: unseen, and added again on every run.
  const open = unclosedHtml(report);
  if (open && open.line <= block.endLine) return undefined;
  const after = report.lines.slice(block.endLine).find((l) => l.kind !== 'blank');
  if (after) {
    const startsReport = report.blocks.some((b) => b !== block && b.startLine === after.line);
    const reportDepth = report.lines[block.startLine - 1]?.headingDepth;
    const endsBlock = after.headingDepth !== undefined && reportDepth !== undefined && after.headingDepth <= reportDepth;
    if (!startsReport && !endsBlock) return undefined;
  }
  const next = block.endLine < report.lineStarts.length ? lineStart(report, block.endLine + 1) : undefined;
  const headings = titles.map((t) => `${marks} ${t}`).join('\n\n');
  if (next !== undefined) return { range: [next, next], text: `\n${headings}\n` };
  // The last line has no line break: add one before, none after (the file keeps its missing final newline).
  const end = report.source.length;
  return { range: [end, end], text: `\n\n${headings}` };
}

export default defineRule({
  meta: {
    id: 'section-required',
    description: 'Require every section of the report template.',
    tags: ['structure'],
    severity: 'error',
    fixable: true,
    messages: {
      missingBefore: 'Missing section "{{section}}" of the {{template}}; the template puts it before "{{next}}". Keep the section and write N/A when it does not apply.',
      missingAfter: 'Missing section "{{section}}" of the {{template}}; the template puts it after "{{previous}}". Keep the section and write N/A when it does not apply.',
      missingAtEnd: 'Missing section "{{section}}" of the {{template}}; the report has none of its sections yet, so it goes under the report heading, in template order. Keep the section and write N/A when it does not apply.',
    },
    rationale:
      'The IRG requires every section of the template, in every report: a reviewer must be able to find the Timeline or the Action Items without searching, and a section that does not apply is kept and marked N/A rather than dropped. (The seven questions of a Mozilla report are checked by legacy-questions.)',
    source: 'CCADB IRG 3.x "Full Incident Report" (all eight sections are required); IRG 2.0 "Incident Report" template.',
    examples: [
      {
        title: 'A v2 report without Root Cause Analysis',
        code: '## Incident Report\n\n### Summary\n\nText.\n\n### Impact\n\nText.\n\n### Timeline\n\nAll times are UTC.\n\n### Lessons Learned\n\n#### What went well\n\nN/A\n\n#### What didn\'t go well\n\nN/A\n\n#### Where we got lucky\n\nN/A\n\n### Action Items\n\nN/A\n\n### Appendix\n\nN/A\n',
        expect: [{ messageId: 'missingBefore', line: 15 }],
      },
    ],
  },
  check(report, ctx) {
    for (const block of report.blocks) {
      if (block.template === 'mozilla-legacy') continue;
      const marks = siblingMarks(report, block);
      const specs = block.spec.sections;
      const present = new Set(block.sections.map((s) => s.spec.key));
      const missing: Array<{ title: string; next: Section | undefined; previous: Section | undefined }> = [];
      // The present section that comes last in template order (sections written out of order are section-order's finding).
      let previous: Section | undefined;
      specs.forEach((spec, index) => {
        if (present.has(spec.key)) {
          previous = block.sections.find((p) => p.spec.key === spec.key) ?? previous;
          return;
        }
        if (!spec.required) return;
        const next = specs.slice(index + 1).map((s) => block.sections.find((p) => p.spec.key === s.key)).find((s) => s !== undefined);
        missing.push({ title: spec.title, next, previous });
      });
      // Sections missing at one place are inserted by one fix (on the first of them), in template order.
      const fixed = new Set<Section | undefined>();
      for (const { title, next, previous } of missing) {
        let fix: Fix | undefined;
        if (marks !== undefined && !fixed.has(next)) {
          fixed.add(next);
          const titles = missing.filter((m) => m.next === next).map((m) => m.title);
          fix = next ? insertBefore(report, marks, titles, next) : insertAtEnd(report, block, marks, titles);
        }
        if (next) {
          ctx.report({ messageId: 'missingBefore', data: { section: title, template: block.spec.name, next: next.spec.title }, loc: at(next.headingSpan), ...(fix ? { fix } : {}) });
        } else if (previous) {
          ctx.report({ messageId: 'missingAfter', data: { section: title, template: block.spec.name, previous: previous.spec.title }, loc: { line: block.endLine }, ...(fix ? { fix } : {}) });
        } else {
          ctx.report({ messageId: 'missingAtEnd', data: { section: title, template: block.spec.name }, loc: { line: block.endLine }, ...(fix ? { fix } : {}) });
        }
      }
    }
  },
});
