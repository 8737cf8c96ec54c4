/**
 * A deterministic corpus of synthetic v3 Full Incident Reports (~8 KB each,
 * with the Related Incidents and Action Items tables and a CSV appendix),
 * plus one 5 MB report. Same seed, same bytes, on every machine.
 *
 *   npx tsx bench/generate.ts [outDir]   (default bench/.corpus)
 */
import { mkdirSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = 'certificate validation issuance revocation subscriber policy audit compliance monitoring alert pipeline release retry cache domain record response report review checklist scanner signing profile extension serial entropy timeout queue mailbox deadline analysis control process'.split(' ');
const KINDS = ['Prevent', 'Mitigate', 'Detect'];
const STATUSES = ['Complete', 'Ongoing', 'Complete', 'Delayed'];

function hex(rand: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[Math.floor(rand() * 16)];
  return s;
}

function sentence(rand: () => number, words: number): string {
  const w: string[] = [];
  for (let i = 0; i < words; i++) w.push(WORDS[Math.floor(rand() * WORDS.length)] as string);
  const s = w.join(' ');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}

function day(base: number, offset: number): string {
  return new Date(Date.UTC(2025, 0, 1) + (base + offset) * 86400000).toISOString().slice(0, 10);
}

export function report(index: number, csvRows = 6): string {
  const rand = mulberry32(index + 1);
  const base = Math.floor(rand() * 200);
  const n = 2 + Math.floor(rand() * 2);
  const lines: string[] = [];
  lines.push(`# Example CA ${index}: ${sentence(rand, 6).slice(0, -1)}`, '', '## Full Incident Report', '', '### Summary', '');
  lines.push(`- **CA Owner CCADB unique ID:** A${String(100000 + (index % 900000)).padStart(6, '0')}`);
  lines.push(`- **Incident description:** ${sentence(rand, 40)} ${sentence(rand, 30)}`);
  lines.push('- **Timeline summary:**', `  - **Non-compliance start date:** ${day(base, 0)}`, `  - **Non-compliance identified date:** ${day(base, 5)}`, `  - **Non-compliance end date:** ${day(base, 6)}`);
  lines.push('- **Relevant policies:** TLS Baseline Requirements version 2.1.6, section 4.9.1.1', '- **Source of incident disclosure:** Self Reported', '');
  lines.push('### Impact', '', `- **Total number of certificates:** ${1 + Math.floor(rand() * 500)}`, '- **Total number of "remaining valid" certificates:** 0', '- **Affected certificate types:** DV TLS server certificates', `- **Incident heuristic:** ${sentence(rand, 15)}`, `- **Was issuance stopped in response to this incident, and why or why not?:** Yes. ${sentence(rand, 12)}`, '- **Analysis:** N/A', '- **Additional considerations:** N/A', '');
  lines.push('### Timeline', '', 'All times are UTC.', '', '| Time | Event |', '| --- | --- |');
  for (let i = 0; i < 10; i++) lines.push(`| ${day(base, Math.floor(i / 2))} ${String(8 + i).padStart(2, '0')}:${String(Math.floor(rand() * 60)).padStart(2, '0')} | ${sentence(rand, 14)} |`);
  lines.push('', '### Related Incidents', '', '| Bug | Date | Description |', '| --- | --- | --- |');
  for (let i = 0; i < 3; i++) lines.push(`| https://bugzilla.mozilla.org/show_bug.cgi?id=${1800000 + Math.floor(rand() * 200000)} | ${day(base, -100 - i * 30)} | ${sentence(rand, 12)} |`);
  lines.push('', '### Root Cause Analysis', '');
  for (let f = 1; f <= n; f++) {
    lines.push(`**Contributing Factor #${f}: ${sentence(rand, 5).slice(0, -1)}**`, '');
    lines.push(`- **Description:** ${sentence(rand, 35)} ${sentence(rand, 25)}`, `- **Timeline:** ${sentence(rand, 10)}`, `- **Detection:** ${sentence(rand, 12)}`, `- **Interaction with other factors:** ${sentence(rand, 10)}`, '');
  }
  lines.push('### Lessons Learned', '', `- **What went well:** ${sentence(rand, 15)}`, `- **What didn't go well:** ${sentence(rand, 15)}`, `- **Where we got lucky:** ${sentence(rand, 12)}`, '- **Additional:** N/A', '');
  lines.push('### Action Items', '', '| Action Item | Kind | Corresponding Root Cause(s) | Evaluation Criteria | Due Date | Status |', '| --- | --- | --- | --- | --- | --- |');
  for (let f = 1; f <= n + 1; f++) {
    lines.push(`| ${sentence(rand, 10)} | ${KINDS[f % 3]} | Root Cause #${((f - 1) % n) + 1} | ${sentence(rand, 9)} | ${day(base, 20 + f * 7)} | ${STATUSES[Math.floor(rand() * STATUSES.length)]} |`);
  }
  lines.push('', '### Appendix', '', '```csv', 'Precertificate SHA-256 hash,Certificate SHA-256 hash,Subject,Issuer,Not before,Not after,Serial #,dNSNames,Is revoked?,Revocation date,Revocation reason');
  for (let i = 0; i < csvRows; i++) {
    lines.push(`${hex(rand, 64)},${hex(rand, 64)},CN=host${i}.example.com,CN=Example CA R3,${day(base, 0)},${day(base, 90)},0x${hex(rand, 16)},host${i}.example.com,Yes,${day(base, 7)},superseded`);
  }
  lines.push('```', '');
  return lines.join('\n');
}

/**
 * One ~5 MB report shaped like a large real one: a long timeline table
 * (4,000 rows), and an appendix that lists 48,000 affected certificates as
 * crt.sh links, as the IRG asks for 10,000 or more.
 */
export function bigReport(): string {
  const rand = mulberry32(424242);
  const base = report(424242, 0).replace(/```csv[\s\S]*```\n/, '');
  const rows: string[] = [];
  for (let i = 0; i < 4000; i++) {
    const minutes = (i % 40) * 36;
    rows.push(`| ${day(10, Math.floor(i / 40))} ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')} | ${sentence(rand, 14)} |`);
  }
  const links: string[] = [];
  for (let i = 0; i < 48000; i++) links.push(`- https://crt.sh/?sha256=${hex(rand, 64)}`);
  return base
    .replace('| --- | --- |\n', `| --- | --- |\n${rows.join('\n')}\n`)
    .replace('### Appendix\n\n', `### Appendix\n\nAffected certificates (48,000):\n\n${links.join('\n')}\n`);
}

export const SIZES = [1, 100, 1000, 10000];

/** A 10,000-row Appendix CSV as dossier writes it (about 3.5 MB): two hashes per row, two DNS names, an RFC 4514 issuer. */
export function appendixCsv(rows = 10000): string {
  const hex = (n: number, salt: number): string => ((n * 2654435761 + salt) >>> 0).toString(16).padStart(8, '0').repeat(8);
  const out = ['Precertificate SHA-256 Hash,Certificate SHA-256 Hash,Subject,Issuer,Not before,Not after,Serial #,dNSNames,Is Revoked?,Revocation Date,Revocation Reason'];
  for (let i = 0; i < rows; i++) {
    const host = `h${i}.c${i % 97}.example.com`;
    out.push(
      [hex(i, 1), hex(i, 2), `"CN=${host},O=Customer ${i % 97},C=GB"`, '"CN=Example TLS RSA SHA256 2020 CA1,O=Example CA\\, Inc.,C=US"', '2025-07-17T00:00:00+00:00', '2026-04-14T23:59:59+00:00', `${(0x55f7edc6 + i).toString(16)}eda64d31f1eaed233883513`, `${host} www.${host}`, 'Yes', '2025-07-18T17:23:31+00:00', 'superseded'].join(','),
    );
  }
  return `${out.join('\r\n')}\r\n`;
}

/**
 * A bug thread export (SPEC §7) of `comments` comments: the CA's Full report
 * every 30 comments (a generated report, front matter removed), the rest
 * short questions and answers, with needinfo and whiteboard history.
 */
export function thread(index: number, comments: number): string {
  const rand = mulberry32(7000 + index);
  const ca = `compliance@ca${index}.example`;
  const reviewer = 'reviewer@root-program.example';
  const start = Date.parse('2025-03-03T10:00:00Z');
  const list = [];
  const history = [];
  for (let i = 0; i < comments; i++) {
    const byCa = i % 2 === 0;
    const when = new Date(start + i * 9 * 3_600_000).toISOString().replace('.000Z', 'Z');
    const text = byCa && i % 30 === 0 ? report(index * 1000 + i).replace(/^---\n[^]*?\n---\n+/, '') : `${sentence(rand, 12 + Math.floor(rand() * 30))}${byCa ? '' : '?'}`;
    list.push({ id: 1_000_000 + i, bug_id: 1_900_000 + index, count: i, text, creator: byCa ? ca : reviewer, creation_time: when, time: when, is_private: false, tags: [], attachment_id: null });
    if (!byCa && i % 10 === 1) history.push({ when, who: reviewer, changes: [{ field_name: 'flagtypes.name', removed: '', added: `needinfo?(${ca})` }] });
  }
  history.push({ when: '2025-03-03T12:00:00Z', who: reviewer, changes: [{ field_name: 'whiteboard', removed: '', added: '[ca-compliance] [ov-misissuance] Next update 2025-12-05' }] });
  const bug = { id: 1_900_000 + index, summary: `CA ${index}: ${sentence(rand, 6)}`, whiteboard: '[ca-compliance] [ov-misissuance] Next update 2025-12-05', status: 'ASSIGNED', resolution: '', creation_time: '2025-03-03T10:00:00Z', creator: ca, assigned_to: ca, flags: [] };
  return `${JSON.stringify({ bug, comments: list, history, source: 'https://bugzilla.mozilla.org', fetched: '2025-12-01T00:00:00Z' }, null, 2)}\n`;
}

export function generate(outDir: string): void {
  const big = path.join(outDir, 'threads', '1900000.bug.json');
  if (!existsSync(big)) {
    mkdirSync(path.dirname(big), { recursive: true });
    writeFileSync(big, thread(0, 300));
  }
  const many = path.join(outDir, 'threads-1000');
  if (!(existsSync(many) && readdirSync(many).length === 1000)) {
    mkdirSync(many, { recursive: true });
    for (let i = 0; i < 1000; i++) writeFileSync(path.join(many, `${1_900_000 + i + 1}.bug.json`), thread(i + 1, 12));
  }
  for (const n of SIZES) {
    const dir = path.join(outDir, `n${n}`);
    if (existsSync(dir) && readdirSync(dir).length === n) continue;
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < n; i++) writeFileSync(path.join(dir, `report-${String(i).padStart(5, '0')}.md`), report(i));
  }
  const certs = path.join(outDir, 'csv', 'certs-10000.csv');
  if (!existsSync(certs)) {
    mkdirSync(path.dirname(certs), { recursive: true });
    writeFileSync(certs, appendixCsv());
  }
  const bigMd = path.join(outDir, 'big', 'report-5mb.md');
  if (!existsSync(bigMd)) {
    mkdirSync(path.dirname(bigMd), { recursive: true });
    writeFileSync(bigMd, bigReport());
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2] ?? path.join(import.meta.dirname, '.corpus');
  generate(out);
  console.log(`corpus in ${out}`);
}
