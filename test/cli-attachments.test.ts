/**
 * Appendix attachments on the command line, through main(memoryIo): file
 * kinds, exit codes, output, size limits, and the CSV beside a report.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/memory-io.js';
import { csv, csvRow, hash } from './helpers/csv.js';

const NOW = ['--now', '2025-12-01'];
const clean = csv([csvRow({}, 1), csvRow({}, 2)]);
const broken = csv([csvRow({ cert: 'b'.repeat(63) }, 1)]);
const report = (remaining: string, appendix: string, fm = ''): string =>
  `${fm}## Full Incident Report\n\n### Impact\n\n- **Total number of certificates:** ${remaining}\n- **Total number of "remaining valid" certificates:** ${remaining}\n\n### Appendix\n\n${appendix}\n`;
/** A CSV of about `mb` megabytes. */
const big = (rows: number): string => csv(Array.from({ length: rows }, (_, i) => csvRow({ pre: hash(i * 2 + 10), cert: hash(i * 2 + 11) }, i + 1)));

interface Row {
  name: string;
  argv: string[];
  files?: Record<string, string | Uint8Array>;
  stdin?: string;
  code: number;
  out?: RegExp | string;
  notOut?: RegExp;
}

const rows: Row[] = [
  { name: 'a clean CSV: exit 0, no output', argv: [...NOW, 'certs.csv'], files: { 'certs.csv': clean }, code: 0, out: '' },
  { name: 'a CSV with an error: exit 1, row and column', argv: [...NOW, '-f', 'compact', 'certs.csv'], files: { 'certs.csv': broken }, code: 1, out: /^certs\.csv:2:66: error appendix-csv-values Row 2, Certificate SHA-256 hash: .*\(63 hex digits\)\.$/m },
  { name: 'JSON for a CSV: ESLint messages with line and column', argv: [...NOW, '-f', 'json', 'certs.csv'], files: { 'certs.csv': broken }, code: 1, out: /"ruleId":"appendix-csv-values".*"line":2,"column":66/ },
  { name: 'stdin named certs.csv is a CSV', argv: [...NOW, '-f', 'compact', '--stdin-filename', 'certs.csv', '-'], stdin: broken, code: 1, out: /^certs\.csv:2:66: error appendix-csv-values/m },
  { name: 'a crt.sh list named explicitly', argv: [...NOW, '-f', 'compact', 'links.txt'], files: { 'links.txt': `https://crt.sh/?sha256=${hash(1)}\nhttps://crt.sh/?sha256=${hash(1)}\n` }, code: 1, out: /links\.txt:2:1: error appendix-crtsh-list Line 2 repeats the link on line 1; list each certificate once\./ },
  { name: 'a CSV of one column of crt.sh links is a crt.sh list', argv: [...NOW, '-f', 'compact', 'links.csv'], files: { 'links.csv': `crt.sh link\nhttps://crt.sh/?sha256=${hash(1)}\n` }, code: 1, out: /links\.csv:1:1: error appendix-crtsh-list The list has 1 links/ },
  { name: 'a .txt that is not a crt.sh list is a report', argv: [...NOW, '-f', 'compact', 'copied.txt'], files: { 'copied.txt': '## Preliminary Incident Report\n\n### Summary\n' }, code: 1, out: /copied\.txt:3:\d+: error field-required/ },
  { name: 'a directory: IRG CSVs in, other CSVs out', argv: [...NOW, '-f', 'compact', 'inc'], files: { 'inc/certs.csv': broken, 'inc/stats.csv': 'month,count\n2025-07,4\n', 'inc/links.txt': 'https://crt.sh/?sha256=x\n' }, code: 1, out: /^inc\/certs\.csv:2:66/m, notOut: /stats|links/ },
  { name: 'a directory of IRG CSVs only is not "empty"', argv: [...NOW, 'inc'], files: { 'inc/certs.csv': clean }, code: 0, out: '' },
  { name: 'a 3 MB CSV is within the attachment limit', argv: [...NOW, '-f', 'compact', 'certs.csv'], files: { 'certs.csv': big(9000) }, code: 0, out: '' },
  { name: '--max-attachment-size refuses a larger attachment', argv: [...NOW, '-f', 'compact', '--max-attachment-size', '1MB', 'certs.csv'], files: { 'certs.csv': big(9000) }, code: 2, out: /certs\.csv:1:1: error ir-lint File is \d\.\d MB, over the 1\.0 MB limit; raise it with --max-attachment-size if this really is one attachment\./ },
  { name: '--max-attachment-size must be a size', argv: [...NOW, '--max-attachment-size', 'huge', 'certs.csv'], files: { 'certs.csv': clean }, code: 2 },
  { name: 'a .txt report over the report limit is refused as a report', argv: [...NOW, '-f', 'compact', '--max-file-size', '1KB', 'copied.txt'], files: { 'copied.txt': `## Preliminary Incident Report\n\n${'x'.repeat(2000)}\n` }, code: 2, out: /raise it with --max-file-size/ },
  { name: 'a binary .csv', argv: [...NOW, '-f', 'compact', 'certs.csv'], files: { 'certs.csv': new Uint8Array([80, 75, 3, 4, 0, 0, 1, 2]) }, code: 2, out: /certs\.csv:1:1: error ir-lint Cannot lint file: binary file/ },
  // The report and the CSV beside it.
  { name: 'report with 4 remaining valid and a paired CSV of 2 rows', argv: [...NOW, '-f', 'compact', '--rule', 'field-required:off', 'inc/r.md'], files: { 'inc/r.md': report('4', 'See certs.csv.'), 'inc/certs.csv': clean }, code: 1, out: /^inc\/r\.md:6:55: error appendix-csv-count Impact gives 4 "remaining valid" certificates, but certs\.csv lists only 2/m },
  { name: 'paired by front matter', argv: [...NOW, '-f', 'compact', '--rule', 'field-required:off', 'r.md'], files: { 'r.md': report('4', 'Attached.', '---\nappendix: "affected certs.csv"\n---\n'), 'affected certs.csv': clean }, code: 1, out: /appendix-csv-count Impact gives 4 "remaining valid" certificates, but affected certs\.csv lists only 2/ },
  { name: 'front matter naming a missing file', argv: [...NOW, '-f', 'compact', '--rule', 'field-required:off', 'r.md'], files: { 'r.md': report('2', 'Attached.', '---\nappendix: certs.csv\n---\n') }, code: 1, out: /^r\.md:2:1: error appendix-csv-count Front matter names the Appendix attachment "certs\.csv", but there is no such file beside the report; put the file beside the report or correct the name\./m },
  { name: 'a CSV in another directory is not beside the report', argv: [...NOW, '-f', 'compact', '--rule', 'field-required:off', 'inc/r.md'], files: { 'inc/r.md': report('4', 'See ../certs.csv.'), 'certs.csv': clean }, code: 1, notOut: /appendix-csv-count/ },
  { name: 'the paired CSV satisfies appendix-certificate-data', argv: [...NOW, '-f', 'compact', '--rule', 'field-required:off', 'r.md'], files: { 'r.md': report('2', 'See below.', '---\nappendix: certs.csv\n---\n'), 'certs.csv': clean }, code: 1, notOut: /appendix-certificate-data|appendix-csv-count/ },
  { name: 'without the CSV, the same report gives appendix-certificate-data', argv: [...NOW, '-f', 'compact', '--rule', 'field-required:off', '--rule', 'appendix-csv-count:off', 'r.md'], files: { 'r.md': report('2', 'See below.', '---\nappendix: certs.csv\n---\n') }, code: 1, out: /appendix-certificate-data Impact gives 2 affected certificates, but the Appendix lists none/ },
  { name: 'stdin is not paired', argv: [...NOW, '-f', 'compact', '--rule', 'field-required:off', '-'], stdin: report('4', 'See certs.csv.'), files: { 'certs.csv': clean }, code: 1, notOut: /appendix-csv-count/ },
];

describe('attachments on the command line', () => {
  for (const r of rows) {
    it(r.name, async () => {
      const opts: Parameters<typeof runCli>[0] = { argv: r.argv };
      if (r.files) opts.files = r.files;
      if (r.stdin !== undefined) opts.stdin = r.stdin;
      const res = await runCli(opts);
      expect(res.code, res.out + res.err).toBe(r.code);
      if (typeof r.out === 'string') expect(res.out).toBe(r.out);
      else if (r.out) expect(res.out).toMatch(r.out);
      if (r.notOut) expect(res.out).not.toMatch(r.notOut);
      expect(res.err).not.toMatch(/\n\s+at /);
    });
  }
});
