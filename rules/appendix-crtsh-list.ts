import type { CrtshList } from '../src/parse/attachment.js';
import { isSha256Token } from '../src/parse/certs.js';
import { clip } from '../src/parse/text.js';
import { integer, ruleOptions } from '../src/options.js';
import { defineRule } from '../src/types.js';

const PREFIX = 'https://crt.sh/?sha256=';
const link = (n: number): string => `${PREFIX}${n.toString(16).padStart(64, '0')}`;

export default defineRule({
  meta: {
    id: 'appendix-crtsh-list',
    description: 'Require a crt.sh list attachment to hold one https://crt.sh/?sha256=<hash> link per line, each once, for at least 10,000 certificates.',
    tags: ['appendix', 'attachment'],
    severity: 'error',
    appliesTo: 'crtsh',
    messages: {
      empty: 'The file lists no crt.sh links; expected one https://crt.sh/?sha256=<SHA-256 hash> link per line.',
      badLink: 'Line {{line}}: expected https://crt.sh/?sha256=<64 hex digits>; found "{{found}}".',
      byId: 'Line {{line}}: a crt.sh link by ID ("{{found}}"); link by hash instead, https://crt.sh/?sha256=<certificate SHA-256 hash>, as the IRG asks.',
      duplicate: 'Line {{line}} repeats the link on line {{first}}; list each certificate once.',
      tooFew: 'The list has {{count}} links; attach the CSV with the IRG columns instead, as a crt.sh list replaces the CSV only for {{min}} or more certificates.',
    },
    options: ruleOptions({ minEntries: integer(0, 10000) }),
    rationale:
      'The IRG asks for the affected certificates as a CSV; only for 10,000 certificates or more may a text file of https://crt.sh/?sha256=<SHA-256 hash> links, one per line, be attached instead. Each line is one link by SHA-256 hash (a link by crt.sh ID depends on one database), each certificate once; with fewer than 10,000 links the CSV is required. DigiCert\'s dossier writes one link for each precertificate and each final certificate, so one certificate may have two links with different hashes: only the same link twice is a duplicate.',
    source: 'CCADB IRG 3.2, Full Incident Report, "Appendix" (crt.sh list for 10,000 or more certificates).',
    examples: [
      { title: 'A list long enough (the option lowered for the example)', kind: 'crtsh', code: `${link(1)}\n${link(2)}\n`, options: { minEntries: 2 }, expect: [] },
      { title: 'A short hash and a repeated link', kind: 'crtsh', code: `${link(1)}\n${PREFIX}${'c'.repeat(63)}\n${link(1)}\n`, options: { minEntries: 3 }, expect: [{ messageId: 'badLink', line: 2 }, { messageId: 'duplicate', line: 3 }] },
      { title: 'Too few links for a crt.sh list', kind: 'crtsh', code: `${link(1)}\n${link(2)}\n`, expect: [{ messageId: 'tooFew', line: 1 }] },
    ],
  },
  check(list: CrtshList, ctx) {
    if (list.entries.length === 0) {
      ctx.report({ messageId: 'empty', loc: { line: 1 } });
      return;
    }
    const seen = new Map<string, number>();
    for (const e of list.entries) {
      const lower = e.text.toLowerCase();
      const loc = { start: e.start, end: e.end };
      if (lower.startsWith('https://crt.sh/?id=') || lower.startsWith('http://crt.sh/?id=')) {
        ctx.report({ messageId: 'byId', data: { line: e.line, found: clip(e.text, 90) }, loc });
      } else if (!lower.startsWith(PREFIX) || !isSha256Token(e.text.slice(PREFIX.length))) {
        ctx.report({ messageId: 'badLink', data: { line: e.line, found: clip(e.text, 90) }, loc });
        continue;
      }
      const first = seen.get(lower);
      if (first !== undefined) ctx.report({ messageId: 'duplicate', data: { line: e.line, first }, loc, related: [{ message: 'First listed here.', line: first }] });
      else seen.set(lower, e.line);
    }
    if (list.entries.length < ctx.options.minEntries) {
      ctx.report({ messageId: 'tooFew', data: { count: list.entries.length, min: ctx.options.minEntries }, loc: { line: 1 } });
    }
  },
});
