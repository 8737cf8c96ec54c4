/**
 * Security: no network code, plugins only from config, YAML parsed without
 * custom tags or prototype pollution, and no terminal escape from a report
 * (or its file name) reaching the reader's terminal in any format.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES } from '../src/format/index.js';
import { parseReport } from '../src/parse/index.js';
import { runCli } from './helpers/memory-io.js';

const root = path.join(import.meta.dirname, '..');

function filesUnder(dir: string, exts: string[]): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, exts));
    else if (exts.some((e) => name.endsWith(e))) out.push(p);
  }
  return out;
}

const NETWORK_MODULES = ['http', 'https', 'http2', 'net', 'dns', 'tls', 'dgram', 'undici', 'node-fetch', 'axios', 'ws'];
// `from 'x'`, `import('x')`, `require('x')`, with or without the node: prefix.
const NETWORK_IMPORT = new RegExp(`(?:from\\s*|import\\s*\\(\\s*|require\\s*\\(\\s*)["'\`](?:node:)?(?:${NETWORK_MODULES.join('|')})(?:/[^"'\`]*)?["'\`]`);
const FETCH_CALL = /(?<![\w$.])fetch\s*\(|\bXMLHttpRequest\b|\bWebSocket\s*\(|\bEventSource\s*\(/;

describe('no network access', () => {
  const sources = [...filesUnder(path.join(root, 'src'), ['.ts']), ...filesUnder(path.join(root, 'rules'), ['.ts']), path.join(root, 'bin', 'ir-lint.js')];
  const built = filesUnder(path.join(root, 'dist'), ['.js', '.cjs', '.mjs']);

  it('the checks find what they look for', () => {
    for (const bad of ["import http from 'node:http';", 'const n = require("net")', "await import('undici')", "import { request } from 'https'", 'const r = await fetch(url)', "import x from 'node:dns/promises'"]) {
      expect(NETWORK_IMPORT.test(bad) || FETCH_CALL.test(bad), bad).toBe(true);
    }
    for (const ok of ["import path from 'node:path';", 'prefetch(x)', 'obj.fetch(x)', "'https://bugzilla.mozilla.org/'", "import x from 'netmask-free'"]) {
      expect(NETWORK_IMPORT.test(ok) || FETCH_CALL.test(ok), ok).toBe(false);
    }
  });

  it('src/, rules/ and bin/ import no network module and call no fetch', () => {
    expect(sources.length).toBeGreaterThan(40);
    for (const f of sources) {
      const text = readFileSync(f, 'utf8');
      expect(NETWORK_IMPORT.exec(text)?.[0], path.relative(root, f)).toBeUndefined();
      expect(FETCH_CALL.exec(text)?.[0], path.relative(root, f)).toBeUndefined();
    }
  });

  it.skipIf(built.length === 0)('the built dist/ (bundle included) imports no network module and calls no fetch', () => {
    for (const f of built) {
      const text = readFileSync(f, 'utf8');
      expect(NETWORK_IMPORT.exec(text)?.[0], path.relative(root, f)).toBeUndefined();
      expect(FETCH_CALL.exec(text)?.[0], path.relative(root, f)).toBeUndefined();
    }
  });
});

describe('plugins load only from paths a config names', () => {
  const report = [
    '---',
    'title: "Example: x"',
    'plugins: ["./evil.js"]',
    'ir-lint: { plugins: ["./evil.js"] }',
    '---',
    '<!-- ir-lint plugins ./evil.js -->',
    '<!-- ir-lint-disable ./evil.js -->',
    '## Full Incident Report',
    '',
    '- **Plugins:** ./evil.js',
    '',
  ].join('\n');

  it('a linted report that names a module never gets it imported', async () => {
    const imported: string[] = [];
    const r = await runCli({ argv: ['-f', 'compact', '--now', '2025-12-01', 'r.md'], files: { 'r.md': report, 'evil.js': 'throw new Error("imported")' } });
    r.io.importModule = async (p: string) => {
      imported.push(p);
      return {};
    };
    const again = await runCli({ argv: ['-f', 'compact', '--now', '2025-12-01', 'r.md'], files: { 'r.md': report, 'evil.js': 'throw new Error("imported")' } });
    expect(imported).toEqual([]);
    expect(again.code).toBe(1);
    expect(again.out + again.err).not.toMatch(/imported/);
  });

  it('a config names a plugin: only that path is imported, and only as a local path', async () => {
    const { memoryIo } = await import('./helpers/memory-io.js');
    const { main } = await import('../src/cli/main.js');
    const imported: string[] = [];
    const io = memoryIo({ argv: ['-f', 'compact', '--now', '2025-12-01', 'r.md'], files: { 'r.md': report, '.irlintrc.json': '{ "plugins": ["lodash"] }' } });
    io.importModule = async (p: string) => {
      imported.push(p);
      return {};
    };
    expect(await main(io)).toBe(2);
    expect(io.err).toMatch(/plugins\[0\]: "lodash" is not a local path/);
    expect(imported).toEqual([]);
  });
});

describe('YAML is parsed safely', () => {
  it('front matter: custom tags are not executed and __proto__ keys pollute nothing', () => {
    const r = parseReport('---\n__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: yes\nfn: !!js/function "function () { return 1 }"\nre: !!js/regexp /x/\ntitle: "A: b"\n---\n# x\n');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    const data = r.frontMatter?.data ?? {};
    expect(Object.getPrototypeOf(data)).toBeNull();
    expect(Object.keys(data)).not.toContain('__proto__');
    expect(typeof data['fn']).not.toBe('function');
    expect(data['re']).not.toBeInstanceOf(RegExp);
  });

  it('front matter: an alias bomb and a self-referencing alias are refused, not expanded', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefgh'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`)].join('\n');
    const r = parseReport(`---\n${bomb}\n---\n# x\n`);
    expect(r.frontMatter?.error?.message).toMatch(/alias|Excessive|resource/i);
    const self = parseReport('---\na: &a [*a]\n---\n# x\n');
    expect(self.frontMatter?.error?.message).toMatch(/refers to itself/);
    expect(() => JSON.stringify(self.frontMatter?.data)).not.toThrow();
  });

  it('config: custom tags are refused and __proto__ keys pollute nothing', async () => {
    const tag = await runCli({ argv: ['r.md'], files: { 'r.md': '# x\n', '.irlintrc.yaml': 'rules: !!js/function "function () {}"\n' } });
    expect(tag.code).toBe(2);
    expect(tag.err).toMatch(/invalid configuration in \.irlintrc\.yaml/);
    const proto = await runCli({ argv: ['-f', 'compact', 'r.md'], files: { 'r.md': '# x\n', '.irlintrc.yaml': '__proto__:\n  polluted: true\nrules:\n  __proto__:\n    polluted: true\n' } });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(proto.err).not.toMatch(/internal error/);
  });
});

describe('terminal output carries no control characters from a report', () => {
  // ESC [ 2J (clear screen), an OSC 8 hyperlink, OSC 0 (window title) with BEL, a C1 CSI, backspaces, a carriage return.
  const ESCAPES = '\u001b[2J\u001b]8;;http://evil.example/\u0007link\u001b]8;;\u0007\u001b]0;pwned\u0007\u009b31m\b\b\rX';
  const report = `---\ntitle: "Evil ${ESCAPES}: title"\n---\n## Full Incident Report\n\n### Summary\n\n- **CA Owner CCADB unique ID:** ${ESCAPES}\n- **Source of incident disclosure:** ${ESCAPES}\n`;
  const fileName = `evil\u001b[31m\u0007name.md`;
  const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

  for (const format of FORMAT_NAMES) {
    it(`${format}: no raw control character in the output, from the text or the file name`, async () => {
      const r = await runCli({ argv: ['-f', format, '--now', '2025-12-01', fileName], files: { [fileName]: report } });
      expect(r.code).toBe(1);
      expect(r.out.length).toBeGreaterThan(0);
      const bad = CONTROL.exec(r.out);
      expect(bad ? `U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${bad.index}: ${JSON.stringify(r.out.slice(Math.max(0, bad.index - 40), bad.index + 10))}` : null).toBeNull();
      expect(CONTROL.test(r.err)).toBe(false);
    });
  }

  // A bug thread export: the summary, a comment's author and its text carry the escapes.
  const thread = JSON.stringify({
    bug: { id: 1, summary: `Evil ${ESCAPES}`, status: 'NEW', whiteboard: `Next update 2025-12-05 ${ESCAPES}`, creation_time: '2025-10-01T00:00:00Z', creator: `ca${ESCAPES}@x.example`, assigned_to: `ca${ESCAPES}@x.example` },
    comments: [{ count: 0, text: report.replace(/^---[^]*?---\n/, ''), creator: `ca${ESCAPES}@x.example`, creation_time: '2025-10-01T00:00:00Z' }],
  });
  for (const format of FORMAT_NAMES) {
    it(`${format}: no raw control character in the output of a bug thread`, async () => {
      const r = await runCli({ argv: ['-f', format, '--now', '2025-12-01', '1.bug.json'], files: { '1.bug.json': thread } });
      expect(r.code).toBe(1);
      expect(r.out.length).toBeGreaterThan(0);
      const bad = CONTROL.exec(r.out);
      expect(bad ? `U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${bad.index}: ${JSON.stringify(r.out.slice(Math.max(0, bad.index - 40), bad.index + 10))}` : null).toBeNull();
      expect(CONTROL.test(r.err)).toBe(false);
    });
  }

  it('stylish in colour: only the colour codes ir-lint writes itself', async () => {
    const r = await runCli({ argv: ['--color', '--now', '2025-12-01', fileName], files: { [fileName]: report }, isTTY: true });
    const withoutOwnColours = r.out.replace(/\u001b\[[0-9;]*m/g, '');
    expect(CONTROL.test(withoutOwnColours)).toBe(false);
    expect(r.out).not.toContain('\u001b]');
    expect(r.out).not.toContain('\u001b[2J');
  });

  it('a file-level failure (binary file) with an escape in its name prints it escaped', async () => {
    const name = 'x\u001b]0;t\u0007.md';
    const r = await runCli({ argv: [name], files: { [name]: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]) } });
    expect(r.code).toBe(2);
    expect(CONTROL.test(r.out.replace(/\u001b\[[0-9;]*m/g, ''))).toBe(false);
    expect(r.out).toContain('\\x1b');
  });
});
