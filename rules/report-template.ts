import { defineRule } from '../src/types.js';

export default defineRule({
  meta: {
    id: 'report-template',
    description: 'Require a recognisable incident report template in the file.',
    tags: ['structure'],
    severity: 'error',
    messages: {
      empty: 'The file is empty; expected an incident report (run "ir-lint --init report.md" for a v3 Full Incident Report skeleton).',
      noTemplate:
        'No incident report template recognised. Expected a report heading ("Full Incident Report", "Preliminary Incident Report", "Report Closure Summary" or "Incident Report") or the seven questions of a Mozilla incident report.',
    },
    rationale:
      'Reviewers read a report against the template it follows. A report that follows none is sent back before anyone reads it, and none of the other checks can run on it.',
    source: 'CCADB Incident Reporting Guidelines: "Incident Reports" and the report templates; Mozilla wiki "CA/Responding To An Incident".',
    examples: [
      { title: 'A v3 report heading is recognised', code: '## Preliminary Incident Report\n\n### Summary\n\n- **Incident description:** A CPS typo.\n- **Relevant policies:** TLS BRs v2.1.7 section 7.1.2.7\n- **Source of incident disclosure:** Self Reported\n\nThe incident is contained.\n', expect: [] },
      { title: 'Free text with no template', code: 'We found a problem and fixed it.\n', expect: [{ messageId: 'noTemplate', line: 1 }] },
    ],
  },
  check(report, ctx) {
    if (report.blocks.length > 0) return;
    const first = report.lines.find((l) => l.kind === 'text' || l.kind === 'table' || l.kind === 'html' || l.kind === 'code');
    if (!first || report.lines.every((l) => l.kind === 'blank' || l.kind === 'frontmatter')) {
      ctx.report({ messageId: 'empty', loc: { line: 1 } });
      return;
    }
    ctx.report({ messageId: 'noTemplate', loc: { line: first.line } });
  },
});
