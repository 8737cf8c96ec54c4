// The house rule's test: run it with `npx vitest run`.
import { describe, it } from 'vitest';
import { RuleTester } from 'ir-lint/testing';
import rule from './acme-internal-hostname.mjs';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    '## Full Incident Report\n\n### Timeline\n\n- 2025-08-12 14:30 UTC: alert from the database monitor\n',
    // Public names are fine.
    'We published the fix on www.acme.example.\n',
  ],
  invalid: [
    {
      code: '## Full Incident Report\n\n### Timeline\n\n- 2025-08-12 14:30 UTC: alert from ca-db-7.corp.acme.example\n',
      errors: [{ messageId: 'hostname', line: 5, column: 36 }],
    },
    {
      name: 'a domain added in the options',
      code: 'Logs from build-3.lab.acme.example and ca-db-7.corp.acme.example.\n',
      options: { domains: ['corp.acme.example', 'lab.acme.example'] },
      errors: [
        { messageId: 'hostname', line: 1, column: 11 },
        { messageId: 'hostname', line: 1, column: 40 },
      ],
    },
  ],
});
