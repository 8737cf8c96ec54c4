import { flag, ruleOptions } from '../src/options.js';
import type { ReportBlock, Section } from '../src/model.js';
import { certificateData, hexLength, namedAttachments, irgColumn, isSha256, IRG_CSV_COLUMNS } from '../src/parse/appendix.js';
import { readCount } from '../src/parse/counts.js';
import { splitList } from '../src/parse/certs.js';
import { at, blocksOf, field, section } from '../src/query.js';
import { clip, isNotApplicable } from '../src/parse/text.js';
import { defineRule } from '../src/types.js';

const HEADER = IRG_CSV_COLUMNS.join(',');
const ROW = `${'a'.repeat(64)},${'b'.repeat(64)},CN=www.example.com,CN=Example CA,2025-08-04,2025-11-02,0x5d1e,www.example.com,Yes,2025-08-16,superseded`;
const FULL = (total: string, appendix: string): string =>
  `## Full Incident Report\n\n### Impact\n\n- **Total number of certificates:** ${total}\n\n### Appendix\n\n${appendix}\n`;

const HASH_COLUMNS = new Set(['Precertificate SHA-256 hash', 'Certificate SHA-256 hash']);

/** What Impact says about the number of affected certificates: a number, 0/N/A, or unknown. */
function affected(block: ReportBlock): { count: number | 'none' | undefined; text: string } {
  const f = field(section(block, 'impact'), 'total-certificates');
  if (!f || f.value === '') return { count: undefined, text: '' };
  const r = readCount(f.value);
  if (r.kind === 'not-applicable') return { count: 'none', text: r.text };
  if (r.kind === 'exact' || r.kind === 'approximate') return { count: r.value === 0 ? 'none' : r.value, text: r.text };
  return { count: undefined, text: r.text };
}

export default defineRule({
  meta: {
    id: 'appendix-certificate-data',
    description: 'Require the affected certificates in the Appendix as an IRG CSV or crt.sh links, with well-formed SHA-256 hashes.',
    tags: ['appendix'],
    severity: 'error',
    messages: {
      missing: 'Impact gives {{total}} affected certificates, but the Appendix lists none; add a CSV with the IRG columns or, for 10,000 or more, one https://crt.sh/?sha256=<hash> link per line.',
      csvMissingColumns: 'The certificate CSV lacks the IRG column(s) {{columns}}; add them as the first columns, in this order: {{order}}.',
      csvOrder: 'CSV column {{position}} is "{{found}}"; put "{{expected}}" there, as the IRG order does (columns: {{order}}).',
      badHash: 'Expected a SHA-256 fingerprint (64 hex digits, or 32 colon-separated bytes); found "{{found}}" ({{length}} hex digits).',
      badCrtshHash: 'crt.sh link has a sha256 of {{length}} characters ("{{found}}"); link the certificate\'s SHA-256 hash, 64 hex digits.',
      crtshId: 'crt.sh link by ID ("{{found}}"); link by the certificate\'s SHA-256 hash instead, https://crt.sh/?sha256=<certificate SHA-256 hash>, as the IRG asks: it does not depend on crt.sh\'s database.',
    },
    options: ruleOptions({ allowCrtshId: flag(true) }),
    rationale:
      'Root programs and researchers check the affected certificates themselves; that needs the exact list. The IRG asks for a CSV whose first columns are, in order, ' +
      IRG_CSV_COLUMNS.map((c) => `"${c}"`).join(', ') +
      ' (more columns may follow), or, for 10,000 certificates or more, one https://crt.sh/?sha256=<hash> link per line. A CSV is read from a fenced code block, from plain comma-separated lines or from a table. N/A (or no list) is accepted when Impact says no certificates are affected (0 or N/A). Links of the form https://crt.sh/?id=<number> identify certificates too and are accepted by default (older reports use them and crt.sh IDs are stable in practice), but they depend on one log aggregator\'s database; set "allowCrtshId": false to require ?sha256= links. In legacy reports, question 5 is checked for well-formed hashes and links.',
    source: 'CCADB IRG 3.x, Full Incident Report, "Appendix"; Mozilla "Responding to an Incident", question 5.',
    examples: [
      { title: 'A CSV in the IRG order', code: FULL('1', `\`\`\`csv\n${HEADER}\n${ROW}\n\`\`\``), expect: [] },
      { title: 'Subject before the hashes', code: FULL('1', `\`\`\`csv\nSubject,${HEADER.replace('Subject,', '')}\nCN=www.example.com,${ROW.replace(',CN=www.example.com', '')}\n\`\`\``), expect: [{ messageId: 'csvOrder', line: 10 }] },
      { title: 'A short hash in a crt.sh link', code: FULL('1', `https://crt.sh/?sha256=${'c'.repeat(63)}`), expect: [{ messageId: 'badCrtshHash', line: 9 }] },
      { title: 'No certificates affected', code: FULL('0', 'N/A'), expect: [] },
    ],
  },
  check(report, ctx) {
    const checkSection = (s: Section, block: ReportBlock | undefined): void => {
      const data = certificateData(report, s);
      for (const csv of data.csv) {
        const cells = csv.header.cells;
        const named = cells.map((c) => irgColumn(c.text));
        const missing = IRG_CSV_COLUMNS.filter((c) => !named.includes(c));
        if (missing.length > 0) {
          ctx.report({
            messageId: 'csvMissingColumns',
            data: { columns: missing.map((c) => `"${c}"`).join(', '), order: IRG_CSV_COLUMNS.join(', ') },
            loc: { start: (cells[0] as (typeof cells)[number]).start, end: (cells[cells.length - 1] as (typeof cells)[number]).end },
          });
        } else {
          const wrong = IRG_CSV_COLUMNS.findIndex((c, i) => named[i] !== c);
          if (wrong >= 0) {
            const cell = cells[wrong] as (typeof cells)[number];
            ctx.report({
              messageId: 'csvOrder',
              data: { position: wrong + 1, found: clip(cell.text, 40), expected: IRG_CSV_COLUMNS[wrong] as string, order: IRG_CSV_COLUMNS.join(', ') },
              loc: { start: cell.start, end: cell.end },
            });
          }
        }
        // Hash columns, wherever they are.
        named.forEach((name, idx) => {
          if (!name || !HASH_COLUMNS.has(name)) return;
          for (const row of csv.rows) {
            const cell = row.cells[idx];
            if (!cell) continue;
            const v = cell.text.trim();
            if (v === '' || v === '-' || isNotApplicable(v)) continue;
            // Several hashes in one cell, separated by spaces (dossier's convention) or commas.
            const quoted = cell.text === v && report.source.charCodeAt(cell.start) === 34 ? 1 : 0;
            for (const t of splitList(v, cell.start + quoted)) {
              if (isSha256(t.text)) continue;
              ctx.report({ messageId: 'badHash', data: { found: clip(t.text, 72), length: hexLength(t.text) }, loc: { start: t.start, end: t.end } });
            }
          }
        });
      }
      for (const link of data.crtsh) {
        if (link.param === 'sha256' && !isSha256(link.value)) {
          ctx.report({ messageId: 'badCrtshHash', data: { found: clip(link.url, 90), length: link.value.length }, loc: { start: link.start, end: link.end } });
        } else if (link.param === 'id' && !ctx.options.allowCrtshId) {
          ctx.report({ messageId: 'crtshId', data: { found: clip(link.url, 90) }, loc: { start: link.start, end: link.end } });
        }
      }
      for (const h of data.hashes) {
        if (isSha256(h.text)) continue;
        ctx.report({ messageId: 'badHash', data: { found: clip(h.text, 72), length: hexLength(h.text) }, loc: { start: h.start, end: h.end } });
      }
      if (!block) return;
      const { count, text } = affected(block);
      if (typeof count !== 'number') return;
      const listed = data.csv.some((c) => c.rows.length > 0) || data.crtsh.length > 0 || data.hashes.length > 0;
      // An attachment or a link to the list also counts: only flag an Appendix with no list and no link.
      const linksElsewhere = /\b(?:attach(?:ed|ment)|https?:\/\/|spreadsheet|\.csv\b)/i.test(s.text);
      // A CSV or crt.sh list beside the report, named by it, is the list.
      const attached = namedAttachments(report, s, ctx.attachments).length > 0;
      if (!listed && !linksElsewhere && !attached) ctx.report({ messageId: 'missing', data: { total: clip(text, 30) }, loc: at(s.headingSpan) });
    };
    for (const block of blocksOf(report, 'ccadb-v3-full', 'ccadb-v2')) {
      const s = section(block, 'appendix');
      if (s) checkSection(s, block.template === 'ccadb-v3-full' ? block : undefined);
    }
    for (const block of blocksOf(report, 'mozilla-legacy')) {
      const s = section(block, 'q5-data');
      if (s) checkSection(s, undefined);
    }
  },
});
