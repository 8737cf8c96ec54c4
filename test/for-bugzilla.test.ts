/**
 * --for-bugzilla: the text to paste on stdout (the draft minus its front
 * matter and ir-lint directives, byte for byte), the posting rules' findings
 * on stderr, exit 0/1/2; through main(memoryIo) and through the built binary.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeText } from '../src/decode.js';
import { runCli } from './helpers/memory-io.js';

const root = path.join(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'ir-lint.js');
const fixture = (name: string): string => readFileSync(path.join(root, 'fixtures', 'reports', name), 'utf8');

/** A draft with front matter and directives: alone on a line, inside a line, in a list item, two on one line. */
const DRAFT = [
  '---',
  'title: "Example Trust: Late revocation of 3 certificates"',
  'posted: 2025-09-10',
  '---',
  '',
  '<!-- ir-lint-disable-file title-format -->',
  '## Preliminary Incident Report',
  '',
  '### Summary',
  '',
  '- **Incident description:** We revoked 3 certificates late. <!-- ir-lint-disable-line rca-depth -- short on purpose -->',
  '  <!-- ir-lint-disable-next-line na-format -->',
  '- **Relevant policies:** TLS BR 2.1.6, section 4.9.1.1 <!-- ir-lint-disable-line na-format --><!-- ir-lint-enable -->',
  '<!-- ir-lint-disable relevant-policies-specific --> <!-- ir-lint-enable -->',
  '- **Source of incident disclosure:** Self Reported',
  '',
  '`<!-- ir-lint-disable -->` in code is text, and so is this: <!-- a note -->',
  '',
];
/** The same without what --for-bugzilla removes, written out by hand. */
const PASTE = [
  '',
  '## Preliminary Incident Report',
  '',
  '### Summary',
  '',
  '- **Incident description:** We revoked 3 certificates late. ',
  '- **Relevant policies:** TLS BR 2.1.6, section 4.9.1.1 ',
  '- **Source of incident disclosure:** Self Reported',
  '',
  '`<!-- ir-lint-disable -->` in code is text, and so is this: <!-- a note -->',
  '',
];
const lf = (lines: string[]): string => lines.join('\n');
const crlf = (lines: string[]): string => lines.join('\r\n');

/** A v3 Preliminary report of exactly `size` characters, most of it crt.sh links. */
function longReport(size: number): string {
  let text = '## Full Incident Report\n\n### Summary\n\n- **Incident description:** 1,300 certificates with a wrong OU.\n- **Relevant policies:** TLS BR 2.1.6, section 7.1.4.2\n- **Source of incident disclosure:** Self Reported\n\n### Appendix\n\n';
  for (let i = 0; text.length + 89 < size; i++) text += `https://crt.sh/?sha256=${i.toString(16).padStart(64, '0')}\n`;
  return text + 'x'.repeat(size - text.length - 1) + '\n';
}

describe('--for-bugzilla through main()', () => {
  for (const [name, draft, paste] of [
    ['LF', lf(DRAFT), lf(PASTE)],
    ['CRLF', crlf(DRAFT), crlf(PASTE)],
    ['CRLF without a final newline', crlf(DRAFT.slice(0, -1)), crlf(PASTE.slice(0, -1))],
  ] as const) {
    it(`prints exactly the draft minus front matter and directives (${name})`, async () => {
      const { code, out, err } = await runCli({ argv: ['--for-bugzilla', '-f', 'compact', 'draft.md'], files: { 'draft.md': draft } });
      expect(out).toBe(paste);
      // The HTML comment that is not a directive shows on Bugzilla: a warning, pointing into the file.
      expect(err).toBe('draft.md:17:61: warning bugzilla-raw-html Bugzilla shows this HTML comment as text ("<!-- a note -->"); delete it, and keep notes to yourself outside the text you post.\n');
      expect(code).toBe(0);
    });
  }

  it('prints a file without front matter or directives unchanged', async () => {
    const text = fixture('v3-full-clean.md').replace(/^---[\s\S]*?\n---\n/, '');
    const { code, out, err } = await runCli({ argv: ['--for-bugzilla', 'r.md'], files: { 'r.md': text } });
    expect({ code, out, err }).toEqual({ code: 0, out: text, err: '' });
  });

  it('reads stdin, names it with --stdin-filename', async () => {
    const { code, out, err } = await runCli({ argv: ['--for-bugzilla', '-f', 'compact', '--stdin-filename', 'draft.md', '-'], stdin: lf(DRAFT) });
    expect(out).toBe(lf(PASTE));
    expect(err).toMatch(/^draft\.md:17:61: warning bugzilla-raw-html /);
    expect(code).toBe(0);
  });

  it('reports <details> in an Appendix and not the directive, by rule id and line', async () => {
    const draft = fixture('v3-full-posting.md');
    const { code, out, err } = await runCli({ argv: ['--for-bugzilla', '-f', 'json', 'r.md'], files: { 'r.md': draft } });
    const [result] = JSON.parse(err) as Array<{ messages: Array<{ ruleId: string; line: number; column: number; messageId: string }> }>;
    expect(result!.messages.map((m) => [m.ruleId, m.messageId, m.line, m.column])).toEqual([
      ['bugzilla-raw-html', 'comment', 12, 1],
      ['bugzilla-image', 'image', 43, 167],
      ['bugzilla-raw-html', 'lineBreakInTable', 85, 49],
      ['bugzilla-raw-html', 'tag', 91, 1],
      ['bugzilla-raw-html', 'tag', 92, 1],
    ]);
    expect(draft.split('\n')[8]).toMatch(/^<!-- ir-lint-disable-file/);
    expect(out).not.toMatch(/ir-lint-disable|^posted:/m);
    expect(out).toMatch(/^<details>$/m);
    expect(code).toBe(0);
  });

  it('a 112,000-character report exits 1 with bugzilla-comment-length; the text is still printed', async () => {
    const text = longReport(112000);
    expect(text.length).toBe(112000);
    const { code, out, err } = await runCli({ argv: ['--for-bugzilla', '-f', 'compact', 'long.md'], files: { 'long.md': text } });
    expect(code).toBe(1);
    expect(out).toBe(text);
    expect(err).toMatch(/^long\.md:\d+:\d+: error bugzilla-comment-length The text to paste is 111,999 characters, over the 65,535 that one Bugzilla comment holds .*Appendix is 111,7\d\d of them/);
    expect(err.trim().split('\n')).toHaveLength(1);
  });

  it('runs only the posting rules: a report with IRG defects but nothing to fix for Bugzilla exits 0', async () => {
    const broken = fixture('v3-preliminary-broken.md');
    const lint = await runCli({ argv: ['--now', '2025-12-01', 'r.md'], files: { 'r.md': broken } });
    expect(lint.code).toBe(1);
    const { code, out, err } = await runCli({ argv: ['--now', '2025-12-01', '--for-bugzilla', 'r.md'], files: { 'r.md': broken } });
    expect({ code, out, err }).toEqual({ code: 0, out: broken, err: '' });
  });

  it('the posting rules run in a normal lint run too, with the same findings', async () => {
    const { out } = await runCli({ argv: ['--now', '2025-12-01', '-f', 'compact', 'r.md'], files: { 'r.md': lf(DRAFT) } });
    expect(out).toMatch(/^r\.md:17:61: warning bugzilla-raw-html /m);
    expect(out).not.toMatch(/r\.md:(?:6|11|12|13|14):\d+: warning bugzilla-raw-html/);
  });

  it('honours the config: a posting rule turned off stays off', async () => {
    const { code, err } = await runCli({ argv: ['--for-bugzilla', 'r.md'], files: { 'r.md': fixture('v3-full-posting.md'), '.irlintrc.json': '{"rules":{"bugzilla-raw-html":"off","bugzilla-image":"error"}}' } });
    expect(err).not.toMatch(/bugzilla-raw-html/);
    expect(err).toMatch(/bugzilla-image/);
    expect(code).toBe(1);
  });

  it('prints a file that the config\'s ignores would skip in a lint run: it was named', async () => {
    const files = { 'drafts/r.md': lf(DRAFT), '.irlintrc.json': '{"ignores":["drafts/**"]}' };
    // A lint run does not lint it: it says the file is ignored.
    expect((await runCli({ argv: ['-f', 'compact', 'drafts/r.md'], files })).out).toMatch(/^drafts\/r\.md:1:1: warning ir-lint File ignored because of a matching ignore pattern/);
    const { code, out, err } = await runCli({ argv: ['--for-bugzilla', '-f', 'compact', 'drafts/r.md'], files });
    expect(out).toBe(lf(PASTE));
    expect(err).toMatch(/^drafts\/r\.md:17:61: warning bugzilla-raw-html/);
    expect(code).toBe(0);
  });

  it('-o writes the findings to the file; stdout keeps the text, stderr the stylish report', async () => {
    const { code, out, err, io } = await runCli({ argv: ['--for-bugzilla', '-f', 'compact', '-o', 'findings.txt', 'draft.md'], files: { 'draft.md': lf(DRAFT) } });
    expect(out).toBe(lf(PASTE));
    expect(String(io.files.get('/work/findings.txt'))).toMatch(/^draft\.md:17:61: warning bugzilla-raw-html/);
    expect(err).toMatch(/^\ndraft\.md\n +17:61 +warning/);
    expect(io.files.get('/work/draft.md')).toBe(lf(DRAFT));
    expect(code).toBe(0);
  });

  it('prints UTF-8 without a byte order mark, whatever the file was', async () => {
    for (const enc of ['utf-8-bom', 'utf-16le', 'utf-16be'] as const) {
      const { code, out } = await runCli({ argv: ['--for-bugzilla', 'draft.md'], files: { 'draft.md': encodeText(lf(DRAFT), enc) } });
      expect(out).toBe(lf(PASTE));
      expect(code).toBe(0);
    }
  });

  it('a file that cannot be read: exit 2, nothing on stdout', async () => {
    const missing = await runCli({ argv: ['--for-bugzilla', '-f', 'compact', 'missing.md'] });
    expect(missing).toMatchObject({ code: 2, out: '', err: 'missing.md:1:1: error ir-lint Cannot read file: no such file or directory.\n' });
    const binary = await runCli({ argv: ['--for-bugzilla', '-f', 'compact', 'img.md'], files: { 'img.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]) } });
    expect(binary).toMatchObject({ code: 2, out: '' });
    const deep = await runCli({ argv: ['--for-bugzilla', '-f', 'compact', 'deep.md'], files: { 'deep.md': `${'>'.repeat(200)} x\n` } });
    expect(deep).toMatchObject({ code: 2, out: '' });
  });

  const usage: Array<[string, string[], Record<string, string>, RegExp]> = [
    ['--fix', ['--for-bugzilla', '--fix', 'r.md'], { 'r.md': 'x\n' }, /^ir-lint: --for-bugzilla prints the text to paste and changes no file; it cannot be combined with --fix /],
    ['--fix-dry-run', ['--for-bugzilla', '--fix-dry-run', 'r.md'], { 'r.md': 'x\n' }, /cannot be combined with --fix-dry-run/],
    ['two files', ['--for-bugzilla', 'a.md', 'b.md'], { 'a.md': 'x\n', 'b.md': 'y\n' }, /^ir-lint: --for-bugzilla prints the text of one Bugzilla comment; name one file, not 2 \(a\.md, b\.md\)$/m],
    ['a directory of two files', ['--for-bugzilla', 'drafts'], { 'drafts/a.md': 'x\n', 'drafts/b.md': 'y\n' }, /name one file, not 2/],
    ['--report-unused-disables', ['--for-bugzilla', '--report-unused-disables', 'r.md'], { 'r.md': 'x\n' }, /runs only the posting rules/],
    ['no file', ['--for-bugzilla'], {}, /no files to lint/],
  ];
  for (const [name, argv, files, message] of usage) {
    it(`usage error: ${name} (exit 2, nothing on stdout, no file written)`, async () => {
      const { code, out, err, io } = await runCli({ argv, files });
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toMatch(message);
      expect(err).not.toMatch(/\n\s+at /);
      expect([...io.files.keys()].length).toBe(Object.keys(files).length);
      for (const [p, text] of Object.entries(files)) expect(io.files.get(path.resolve('/work', p))).toBe(text);
    });
  }
});

describe('--for-bugzilla through the built binary', () => {
  const run = (args: string[], options: { input?: string | Buffer; cwd?: string } = {}) => {
    const r = spawnSync(process.execPath, [bin, ...args], { cwd: options.cwd ?? root, input: options.input, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined } });
    return { code: r.status, out: r.stdout, err: r.stderr.toString('utf8') };
  };
  const dir = mkdtempSync(path.join(tmpdir(), 'ir-lint-for-bugzilla-'));

  for (const [name, draft, paste] of [
    ['LF', lf(DRAFT), lf(PASTE)],
    ['CRLF', crlf(DRAFT), crlf(PASTE)],
  ] as const) {
    it(`prints the draft minus front matter and directives, byte for byte (${name})`, () => {
      const file = path.join(dir, `draft-${name}.md`);
      writeFileSync(file, draft);
      const r = run(['--for-bugzilla', '-f', 'compact', `draft-${name}.md`], { cwd: dir });
      expect(r.out.equals(Buffer.from(paste, 'utf8'))).toBe(true);
      expect(r.err).toBe(`draft-${name}.md:17:61: warning bugzilla-raw-html Bugzilla shows this HTML comment as text ("<!-- a note -->"); delete it, and keep notes to yourself outside the text you post.\n`);
      expect(r.code).toBe(0);
      expect(readFileSync(file, 'utf8')).toBe(draft);
    });
  }

  it('reads stdin and keeps non-ASCII text and a BOM-less output', () => {
    const draft = `\ufeff${lf(DRAFT).replace('late.', 'late (caf\u00e9, \u4e2d\u6587, \u{1F512}).')}`;
    const r = run(['--for-bugzilla', '-'], { input: Buffer.from(draft, 'utf8') });
    expect(r.out.toString('utf8')).toBe(lf(PASTE).replace('late.', 'late (caf\u00e9, \u4e2d\u6587, \u{1F512}).'));
    expect(r.code).toBe(0);
  });

  it('exits 1 with bugzilla-comment-length on a 112,000-character report', () => {
    const r = run(['--for-bugzilla', '-f', 'compact', '--stdin-filename', 'long.md', '-'], { input: longReport(112000) });
    expect(r.code).toBe(1);
    expect(r.out.length).toBe(112000);
    expect(r.err).toMatch(/^long\.md:\d+:\d+: error bugzilla-comment-length The text to paste is 111,999 characters/);
  });

  it('usage errors: one line, exit 2, no stack trace', () => {
    for (const args of [['--for-bugzilla', '--fix', 'fixtures/reports/v3-full-clean.md'], ['--for-bugzilla', 'fixtures/reports/v3-full-clean.md', 'fixtures/reports/v2-clean.md']]) {
      const r = run(args);
      expect(r.code).toBe(2);
      expect(r.out.length).toBe(0);
      expect(r.err).toMatch(/^ir-lint: --for-bugzilla .*\nRun "ir-lint --help" for usage\.\n$/);
    }
  });

  it('a missing file: exit 2, one line, nothing on stdout', () => {
    const r = run(['--for-bugzilla', '-f', 'compact', 'missing.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.out.length).toBe(0);
    expect(r.err).toBe('missing.md:1:1: error ir-lint Cannot read file: no such file or directory.\n');
  });
});
