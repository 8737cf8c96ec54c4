import { describe, it } from 'vitest';
import rule from '../../rules/timeline-timezone.js';
import { RuleTester } from '../../src/testing/rule-tester.js';

const tl = (body: string): string => `## Incident Report\n\n### Timeline\n\n${body}\n`;

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'section statement', code: tl('All times are UTC.\n\n- 2024-03-05 10:18 received') },
    { name: 'statement with an offset', code: tl('All times are UTC+8.\n\n2024-03-05:\n\n- 10:18 received') },
    { name: 'zone in the heading', code: '## Incident Report\n\n### Timeline (All times are UTC+8)\n\n- 2024-03-05 10:18 received\n' },
    { name: 'zone on every entry', code: tl('- 2024-03-05 10:18 UTC received\n- 2024-03-05T11:00+02:00 replied\n- 2024-03-05 12:00 Z closed') },
    { name: 'date-only entries need no zone', code: tl('- 2024-03-05 received\n- 2024-03-06 revoked') },
    { name: 'a Time (UTC) column', code: tl('| Time (UTC) | Event |\n| --- | --- |\n| 2024-03-05 10:18 | received |') },
    { name: 'named zones accepted by option', code: tl('- 2020-04-21 16:54 CEST issued'), options: { acceptNamedZones: true } },
    { name: 'EST in winter is not a season mismatch when names are accepted', code: tl('- 2025-01-05 09:00 EST received'), options: { acceptNamedZones: true } },
  ],
  invalid: [
    { name: 'no zone anywhere: one diagnostic', code: tl('- 2024-03-05 10:18 received\n- 2024-03-05 11:00 replied'), errors: [{ messageId: 'noZoneAny', line: 5 }] },
    { name: 'prose time without a zone', code: tl('At 9:30 on June 3, 2022, we received an email.\nWe resubmitted at 10:00 on June 3, 2022.'), errors: [{ messageId: 'noZoneAny', line: 5 }] },
    { name: 'one entry of several without a zone', code: tl('- 2020-04-21 16:54 UTC issued\n- 2020-04-21 17:34 revoked'), errors: [{ messageId: 'noZone', line: 6 }] },
    { name: 'ambiguous CST on an entry', code: tl('All times are UTC.\n\n- 2024-03-05 10:18 CST received'), errors: [{ messageId: 'ambiguousZone', line: 7 }] },
    { name: 'ambiguous IST as the section statement', code: tl('All times are IST.\n\n- 2024-03-05 10:18 received'), errors: [{ messageId: 'ambiguousDeclaration', line: 5 }] },
    { name: 'PST written for a June date', code: tl('- 2025-06-05 16:00 PST revoked'), options: { acceptNamedZones: true }, errors: [{ messageId: 'seasonMismatch', line: 5 }] },
    { name: 'CEST is a name, not an offset', code: tl('- 2020-04-21, 16:54 (CEST): issued'), errors: [{ messageId: 'namedZone', line: 5 }] },
    { name: 'local time says nothing', code: tl('- 2020-04-21 16:54 UTC issued\n- 2020-04-21 17:00 local time revoked'), errors: [{ messageId: 'localZone', line: 6 }] },
    { name: 'a named zone as the section statement', code: tl('All times are Europe/Berlin.\n\n- 2024-03-05 10:18 received'), errors: [{ messageId: 'namedDeclaration', line: 5 }] },
  ],
});
