// A house rule: internal host names must not appear in a report that will be
// posted on a public bug. Load it from a config file:
//   { "plugins": ["./docs/examples/house-rules/acme-internal-hostname.mjs"] }
import { defineRule, z } from 'ir-lint';

const DOMAINS = ['corp.acme.example'];

export default defineRule({
  meta: {
    id: 'acme-internal-hostname',
    description: 'Disallow internal host names in a report that will be public.',
    tags: ['house'],
    severity: 'error',
    messages: {
      hostname: 'Internal host name "{{host}}" in a public report; name the system instead (e.g. "our validation service").',
    },
    options: z
      .object({ domains: z.array(z.string()).default(DOMAINS) })
      .strict()
      .default({ domains: DOMAINS }),
    rationale: 'Incident reports are public. Internal host names tell an attacker how our network is laid out and mean nothing to reviewers.',
    source: 'Acme disclosure policy, section 2 (public statements).',
    examples: [
      {
        title: 'An internal host name in the timeline',
        code: '## Full Incident Report\n\n### Timeline\n\n- 2025-08-12 14:30 UTC: alert from ca-db-7.corp.acme.example\n',
        expect: [{ messageId: 'hostname', line: 5 }],
      },
    ],
    url: 'https://wiki.acme.example/compliance/ir-lint#acme-internal-hostname',
  },
  check(report, ctx) {
    const suffixes = ctx.options.domains.map((d) => d.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    if (suffixes.length === 0) return;
    const host = new RegExp(`\\b(?:[a-z0-9-]+\\.)+(?:${suffixes.join('|')})\\b`, 'gi');
    for (const line of report.lines) {
      if (line.kind === 'frontmatter') continue;
      for (const m of line.raw.matchAll(host)) {
        const start = line.start + m.index;
        ctx.report({ messageId: 'hostname', data: { host: m[0] }, loc: { start, end: start + m[0].length } });
      }
    }
  },
});
