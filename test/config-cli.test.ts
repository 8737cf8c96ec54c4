/**
 * Config files, plugins and the informational commands, through main(memoryIo):
 * every config error is exit 2 with the config path and the key path.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleById, rules } from '../rules/index.js';
import { FULL_REPORT_SKELETON } from '../src/cli/info.js';
import { lintAll } from './helpers/lint.js';
import { runCli } from './helpers/memory-io.js';

const root = path.join(import.meta.dirname, '..');
/** Real plugin files: the memory Io stats them, Node imports them. */
function plugin(rel: string): Record<string, string> {
  const abs = path.join(root, rel);
  return { [abs]: readFileSync(abs, 'utf8') };
}

const REPORT = '## Preliminary Incident Report\n\n### Summary\n\n- **Incident description:** DRAFT text: 3 certificates affected.\n';
const HOSTNAME_REPORT =
  '## Preliminary Incident Report\n\n### Summary\n\n- **Incident description:** Alerts from ca-db-7.corp.acme.example were missed.\n- **Relevant policies:** TLS BRs v2.1.7 section 4.9.1.1\n- **Source of incident disclosure:** Self Reported\n\nThe incident is contained.\n';

async function lint(files: Record<string, string | Uint8Array>, args: string[] = ['report.md'], cwd = '/work') {
  return runCli({ argv: ['-f', 'compact', '--now', '2025-09-15', ...args], files, cwd });
}

describe('config files: errors are exit 2 with the path and the key path', () => {
  const cases: Array<{ name: string; config: string | Uint8Array; file?: string; expect: RegExp[] }> = [
    { name: 'unknown rule id with a suggestion', config: '{ "rules": { "section-ordr": "off" } }', expect: [/\.irlintrc\.json/, /rules\.section-ordr: unknown rule "section-ordr"; did you mean "section-order"\?/] },
    { name: 'unknown top-level key', config: '{ "rule": {} }', expect: [/rule: unknown key "rule"; did you mean "rules"\?/] },
    { name: 'unknown key without a near match', config: '{ "extends": "x" }', expect: [/extends: unknown key "extends"/] },
    { name: 'bad severity', config: '{ "rules": { "section-order": "warning" } }', expect: [/rules\.section-order: severity must be "off", "warn" or "error" \(or 0, 1, 2\), or \[severity, options\]; found "warning"/] },
    { name: 'bad numeric severity', config: '{ "rules": { "section-order": 3 } }', expect: [/rules\.section-order: severity must be/, /found 3/] },
    { name: 'bad severity in a tuple', config: '{ "rules": { "title-format": ["eror", { "maxLength": 80 }] } }', expect: [/rules\.title-format\[0\]: severity must be.*found "eror"; did you mean "error"\?/] },
    { name: 'tuple too long', config: '{ "rules": { "title-format": ["error", {}, {}] } }', expect: [/rules\.title-format: expected \[severity\] or \[severity, options\]; found a list of 3/] },
    { name: 'bad option type', config: '{ "rules": { "title-format": ["warn", { "maxLength": "long" }] } }', expect: [/rules\.title-format\[1\]\.maxLength: expected a number, found "long"/] },
    { name: 'unknown option with a suggestion', config: '{ "rules": { "title-format": ["warn", { "maxLenght": 80 }] } }', expect: [/rules\.title-format\[1\]\.maxLenght: unknown key "maxLenght"; did you mean "maxLength"\?/] },
    { name: 'bad item in a word list', config: '{ "rules": { "no-placeholder": ["error", { "words": ["TBD", 7] }] } }', expect: [/rules\.no-placeholder\[1\]\.words\[1\]: expected a string, found 7/] },
    { name: 'options for a rule that takes none', config: '{ "rules": { "section-order": ["warn", { "strict": true }] } }', expect: [/rules\.section-order\[1\]: rule "section-order" takes no options/] },
    { name: 'options are checked even when the rule is off', config: '{ "rules": { "title-format": ["off", { "maxLength": -1 }] } }', expect: [/rules\.title-format\[1\]\.maxLength:/] },
    { name: 'rules is not an object', config: '{ "rules": ["section-order"] }', expect: [/rules: expected an object, found a list/] },
    { name: 'ignores is not a list', config: '{ "ignores": "drafts/**" }', expect: [/ignores: expected a list, found "drafts\/\*\*"/] },
    { name: 'unknown template with a suggestion', config: '{ "template": "ccadb-v3-ful" }', expect: [/template: unknown template "ccadb-v3-ful"; did you mean "ccadb-v3-full"\?/] },
    { name: 'not an object', config: '[1, 2]', expect: [/expected an object with "rules"/] },
    { name: 'invalid JSON with line and column', config: '{\n  "rules": {\n    "section-order": "off"\n    "title-format": "off"\n  }\n}\n', expect: [/\.irlintrc\.json: line 4, column 5: invalid JSON: expected "," between entries/] },
    { name: 'truncated JSON', config: '{ "rules": {', expect: [/invalid JSON/] },
    { name: 'empty file', config: '', expect: [/\.irlintrc\.json: the file is empty; write \{\}/] },
    { name: 'whitespace-only file', config: '  \n\n', expect: [/the file is empty/] },
    { name: 'not UTF-8', config: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), expect: [/is not valid UTF-8/] },
    { name: 'a 10 MB file', config: `{ "rules": {} ${' '.repeat(10 * 1024 * 1024)}}`, expect: [/the file is 10\.0 MB, over the 1\.0 MB limit for a configuration/] },
    { name: 'invalid YAML with line', file: '.irlintrc.yaml', config: 'rules:\n  section-order: [warn\n', expect: [/\.irlintrc\.yaml: line \d+, column \d+: invalid YAML/] },
    { name: 'duplicate YAML keys', file: '.irlintrc.yml', config: 'rules:\n  section-order: off\n  section-order: warn\n', expect: [/\.irlintrc\.yml: line 3, column 3: invalid YAML: Map keys must be unique/] },
    { name: 'custom YAML tags are refused', file: '.irlintrc.yaml', config: 'rules: !!js/function "x"\n', expect: [/invalid YAML/] },
    { name: 'YAML unknown rule', file: '.irlintrc.yaml', config: 'rules:\n  section-requird: error\n', expect: [/\.irlintrc\.yaml: rules\.section-requird: unknown rule "section-requird"; did you mean "section-required"\?/] },
    { name: 'package.json key', file: 'package.json', config: '{ "name": "x", "ir-lint": { "rules": { "section-ordr": 0 } } }', expect: [/package\.json: rules\.section-ordr: unknown rule/] },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const r = await lint({ [c.file ?? '.irlintrc.json']: c.config, 'report.md': REPORT });
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/^ir-lint: invalid configuration in /);
      for (const re of c.expect) expect(r.err).toMatch(re);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    });
  }

  it('"timeline-ordr" suggests timeline-order (the issue\'s example)', async () => {
    expect(ruleById.has('timeline-order')).toBe(true);
    const r = await lint({ '.irlintrc.json': '{ "rules": { "timeline-ordr": "off" } }', 'report.md': REPORT });
    expect(r.code).toBe(2);
    expect(r.err).toContain('ir-lint: invalid configuration in .irlintrc.json: rules.timeline-ordr: unknown rule "timeline-ordr"; did you mean "timeline-order"?');
  });

  it.runIf(ruleById.has('rca-human-error'))('names the option path of a word list: rules.rca-human-error[1].phrases', async () => {
    const r = await lint({ '.irlintrc.json': '{ "rules": { "rca-human-error": ["error", { "phrases": "oversight" }] } }', 'report.md': REPORT });
    expect(r.code).toBe(2);
    expect(r.err).toContain('rules.rca-human-error[1].phrases: expected a list, found "oversight"');
  });

  it('--config naming a directory', async () => {
    const r = await lint({ 'conf/a.json': '{}', 'report.md': REPORT }, ['--config', 'conf', 'report.md']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('ir-lint: invalid configuration in conf: is a directory; name a config file such as .irlintrc.json');
  });

  it('--config naming a missing file', async () => {
    const r = await lint({ 'report.md': REPORT }, ['--config', 'nope.json', 'report.md']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('invalid configuration in nope.json: cannot read: no such file');
  });

  it('--config naming a package.json without the key', async () => {
    const r = await lint({ 'p/package.json': '{ "name": "x" }', 'report.md': REPORT }, ['--config', 'p/package.json', 'report.md']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('p/package.json: has no "ir-lint" key');
  });

  it('a found config that is a directory', async () => {
    const r = await lint({ '.irlintrc.json/x': 'x', 'report.md': REPORT });
    expect(r.code).toBe(2);
    expect(r.err).toContain('.irlintrc.json: is a directory');
  });

  it('validates every file\'s config before linting any file', async () => {
    const r = await lint({ 'a/report.md': REPORT, 'b/.irlintrc.json': '{ "rules": { "nope": "off" } }', 'b/report.md': REPORT }, ['a/report.md', 'b/report.md']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('invalid configuration in b/.irlintrc.json: rules.nope: unknown rule "nope"');
  });

  it('--no-config ignores a broken config', async () => {
    const r = await lint({ '.irlintrc.json': '{ broken', 'report.md': REPORT }, ['--no-config', 'report.md']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
  });
});

describe('config files: what they change', () => {
  const countRule = (out: string, id: string) => out.split('\n').filter((l) => l.includes(` ${id} `)).length;

  it('turns a rule off, and the nearest config wins', async () => {
    const files = {
      '.irlintrc.json': '{ "rules": { "field-required": "off" } }',
      'report.md': REPORT,
      'sub/.irlintrc.yaml': 'rules:\n  section-order: warn\n',
      'sub/report.md': REPORT,
    };
    const r = await lint(files, ['report.md', 'sub/report.md']);
    expect(r.out).not.toMatch(/^report\.md:.* field-required /m);
    expect(r.out).toMatch(/^sub\/report\.md:.* field-required /m);
  });

  it('searches upwards from the file, not from the working directory', async () => {
    const r = await lint({ 'deep/a/b/report.md': REPORT, 'deep/.irlintrc.yml': 'rules:\n  field-required: 0\n' }, ['deep/a/b/report.md']);
    expect(countRule(r.out, 'field-required')).toBe(0);
    const plain = await lint({ 'deep/a/b/report.md': REPORT }, ['deep/a/b/report.md']);
    expect(countRule(plain.out, 'field-required')).toBeGreaterThan(0);
  });

  it('reads the "ir-lint" key of package.json and skips a package.json without it', async () => {
    const files = {
      'package.json': '{ "name": "repo", "ir-lint": { "rules": { "field-required": "off" } } }',
      'pkg/package.json': '{ "name": "inner" }',
      'pkg/report.md': REPORT,
    };
    const r = await lint(files, ['pkg/report.md']);
    expect(countRule(r.out, 'field-required')).toBe(0);
  });

  it('prefers .irlintrc.json over package.json in the same directory', async () => {
    const files = {
      'package.json': '{ "ir-lint": { "rules": { "nope": "off" } } }',
      '.irlintrc.json': '{ "rules": { "field-required": "off" } }',
      'report.md': REPORT,
    };
    const r = await lint(files);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(countRule(r.out, 'field-required')).toBe(0);
  });

  it('--config uses only that file; --rule applies on top', async () => {
    const files = { 'conf/house.yaml': 'rules:\n  field-required: off\n  contained-or-ongoing: off\n', '.irlintrc.json': '{ "rules": { "nope": "off" } }', 'report.md': REPORT };
    const r = await lint(files, ['--config', 'conf/house.yaml', 'report.md']);
    expect(r.err).toBe('');
    expect(countRule(r.out, 'field-required')).toBe(0);
    const r2 = await lint(files, ['--config', 'conf/house.yaml', '--rule', 'field-required:warn', 'report.md']);
    expect(r2.out).toMatch(/warning field-required /);
  });

  it('keeps options when --rule changes only the severity', async () => {
    const files = { '.irlintrc.json': '{ "rules": { "title-format": ["error", { "maxLength": 20 }] } }', 'report.md': `# Example CA: a title that is far too long\n\n${REPORT}` };
    const r = await lint(files, ['--rule', 'title-format:warn', 'report.md']);
    expect(r.out).toMatch(/warning title-format Title is 40 characters; keep the description short \(at most 20\)/);
  });

  it('accepts 0/1/2 and [severity] forms', async () => {
    const r = await lint({ '.irlintrc.json': '{ "rules": { "field-required": [1], "section-order": 2, "title-format": 0 } }', 'report.md': REPORT });
    expect(r.out).toMatch(/warning field-required /);
  });

  it('reads YAML with CR-only and CRLF line endings, with the same line numbers in errors', async () => {
    for (const eol of ['\r', '\r\n']) {
      const ok = await lint({ '.irlintrc.yaml': ['rules:', '  field-required: off', ''].join(eol), 'report.md': REPORT });
      expect(ok.err).toBe('');
      expect(countRule(ok.out, 'field-required')).toBe(0);
      const bad = await lint({ '.irlintrc.yaml': ['rules:', '  field-required: off', '  field-required: warn', ''].join(eol), 'report.md': REPORT });
      expect(bad.code).toBe(2);
      expect(bad.err).toMatch(/\.irlintrc\.yaml: line 3, column 3: invalid YAML: Map keys must be unique/);
    }
  });

  it('ignores __proto__ keys in YAML and JSON', async () => {
    const y = await lint({ '.irlintrc.yaml': '__proto__:\n  polluted: true\nrules:\n  field-required: off\n', 'report.md': REPORT });
    expect(y.err).toBe('');
    expect(countRule(y.out, 'field-required')).toBe(0);
    const j = await lint({ '.irlintrc.json': '{ "__proto__": { "polluted": true }, "rules": { "__proto__": "off" } }', 'report.md': REPORT });
    expect(j.err).toBe('');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('uses the config\'s template for its files; --template wins', async () => {
    const text = '### Summary\n\n- **Incident description:** x\n';
    const forced = await lint({ '.irlintrc.json': '{ "template": "ccadb-v3-preliminary" }', 'report.md': text });
    expect(forced.out).not.toMatch(/ report-template /);
    const auto = await lint({ 'report.md': text });
    expect(auto.out).toMatch(/ report-template /);
  });

  it('skips files matching "ignores", relative to the config file', async () => {
    const files = {
      'repo/.irlintrc.json': '{ "ignores": ["drafts/old/**", "scratch"] }',
      'repo/drafts/old/a.md': REPORT,
      'repo/drafts/new/b.md': REPORT,
      'repo/scratch/c.md': REPORT,
      'drafts/old/d.md': REPORT,
    };
    const r = await lint(files, ['repo', 'drafts']);
    expect(r.out).toContain('repo/drafts/new/b.md:');
    expect(r.out).not.toContain('repo/drafts/old/a.md');
    expect(r.out).not.toContain('repo/scratch/c.md');
    // Outside the config's directory the patterns do not apply.
    expect(r.out).toContain('drafts/old/d.md:');
  });

  it('an ignored file named on the command line is not linted, with a warning saying so (exit 0)', async () => {
    const r = await lint({ '.irlintrc.json': '{ "ignores": ["old/**"] }', 'old/a.md': REPORT }, ['old/a.md']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('old/a.md:1:1: warning ir-lint File ignored because of a matching ignore pattern ("ignores" in .irlintrc.json); it was not linted.\n');
  });
});

describe('plugins', () => {
  const house = 'docs/examples/house-rules/acme-internal-hostname.mjs';
  const houseFiles = (config: string, report = HOSTNAME_REPORT) => ({ ...plugin(house), [path.join(root, '.irlintrc.json')]: config, [path.join(root, 'r.md')]: report });

  it('runs the README house rule like a built-in rule', async () => {
    const r = await lint(houseFiles(`{ "plugins": ["./${house}"] }`), ['r.md'], root);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    expect(r.out).toContain('r.md:5:41: error acme-internal-hostname Internal host name "ca-db-7.corp.acme.example" in a public report');
  });

  it('suppresses it with an inline comment', async () => {
    const report = HOSTNAME_REPORT.replace('- **Incident description:**', '<!-- ir-lint-disable-next-line acme-internal-hostname -- approved by legal -->\n- **Incident description:**');
    const r = await lint(houseFiles(`{ "plugins": ["./${house}"] }`, report), ['--report-unused-disables', 'r.md'], root);
    expect(r.out).not.toContain('acme-internal-hostname');
    expect(r.out).not.toContain('ir-lint Unused');
    expect(r.out).not.toContain('unknown rule');
  });

  it('configures it (options and severity)', async () => {
    const r = await lint(houseFiles(`{ "plugins": ["./${house}"], "rules": { "acme-internal-hostname": ["warn", { "domains": ["lab.acme.example"] }] } }`), ['r.md'], root);
    expect(r.out).not.toContain('acme-internal-hostname');
    const bad = await lint(houseFiles(`{ "plugins": ["./${house}"], "rules": { "acme-internal-hostname": ["warn", { "domains": "x" }] } }`), ['r.md'], root);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('rules.acme-internal-hostname[1].domains: expected a list, found "x"');
    const flag = await lint(houseFiles(`{ "plugins": ["./${house}"] }`), ['--rule', 'acme-internal-hostname:off', 'r.md'], root);
    expect(flag.out).not.toContain('acme-internal-hostname');
  });

  it('carries the plugin\'s docs URL', async () => {
    const r = await lint(houseFiles(`{ "plugins": ["./${house}"] }`), ['-f', 'sarif', 'r.md'], root);
    const sarif = JSON.parse(r.out) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string; helpUri?: string }> } } }> };
    const d = sarif.runs[0]?.tool.driver.rules.find((x) => x.id === 'acme-internal-hostname');
    expect(d?.helpUri).toBe('https://wiki.acme.example/compliance/ir-lint#acme-internal-hostname');
  });

  it('a rule named in a config without the plugin is unknown', async () => {
    const r = await lint(houseFiles('{ "rules": { "acme-internal-hostname": "off" } }'), ['r.md'], root);
    expect(r.code).toBe(2);
    expect(r.err).toContain('rules.acme-internal-hostname: unknown rule "acme-internal-hostname"');
  });

  it('loads { rules: [...] } exports and validates their options', async () => {
    const files = { ...plugin('fixtures/plugins/two-rules.js'), [path.join(root, 'c.json')]: '{ "plugins": ["./fixtures/plugins/two-rules.js"], "rules": { "house-max-lines": ["error", { "max": 3 }] } }', [path.join(root, 'r.md')]: REPORT };
    const r = await lint(files, ['-c', 'c.json', 'r.md'], root);
    expect(r.out).toContain('r.md:1:1: error house-max-lines The report has 6 lines; the house limit is 3.');
    expect(r.out).toContain('warning house-no-draft-marker Remove the "DRAFT" marker');
    const bad = await lint({ ...files, [path.join(root, 'c.json')]: '{ "plugins": ["./fixtures/plugins/two-rules.js"], "rules": { "house-max-lines": ["error", { "max": "many" }] } }' }, ['-c', 'c.json', 'r.md'], root);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('rules.house-max-lines[1].max: expected a whole number, found "many"');
  });

  const broken: Array<[string, string, RegExp]> = [
    ['a missing file', './fixtures/plugins/nope.js', /plugins\[0\]: cannot find plugin "\.\/fixtures\/plugins\/nope\.js" \(looked for fixtures\/plugins\/nope\.js\)/],
    ['a bad export', './fixtures/plugins/bad-export.js', /plugins\[0\]: plugin ".*bad-export\.js" must export default a rule, an array of rules or \{ rules: \[\.\.\.\] \} \(found 42\)/],
    ['a duplicate of a built-in id', './fixtures/plugins/duplicate-builtin.js', /plugins\[0\]: plugin ".*duplicate-builtin\.js" defines rule "section-required", which is a built-in rule; give house rules their own prefix/],
    ['an id that is not kebab-case', './fixtures/plugins/bad-id.js', /plugins\[0\]: plugin ".*bad-id\.js", rule "House_Rule": meta\.id must be a kebab-case id/],
    ['a rule without check', './fixtures/plugins/no-check.js', /rule "house-no-check": check must be a function check\(report, ctx\)/],
    ['a module that throws', './fixtures/plugins/throws-on-load.js', /plugins\[0\]: cannot load plugin ".*throws-on-load\.js": house rules need a database connection/],
    ['a package name', 'ir-lint-plugin-acme', /plugins\[0\]: "ir-lint-plugin-acme" is not a local path/],
    ['a directory', './fixtures/plugins', /plugins\[0\]: plugin "\.\/fixtures\/plugins" is not a file/],
  ];
  for (const [name, spec, re] of broken) {
    it(`a broken plugin is exit 2: ${name}`, async () => {
      const files: Record<string, string> = { [path.join(root, '.irlintrc.json')]: JSON.stringify({ plugins: [spec] }), [path.join(root, 'r.md')]: REPORT };
      for (const f of ['bad-export', 'duplicate-builtin', 'bad-id', 'no-check', 'throws-on-load', 'two-rules']) Object.assign(files, plugin(`fixtures/plugins/${f}.js`));
      const r = await lint(files, ['r.md'], root);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/^ir-lint: invalid configuration in \.irlintrc\.json: /);
      expect(r.err).toMatch(re);
    });
  }

  it('the same rule id from two plugins is exit 2', async () => {
    const files = { ...plugin('fixtures/plugins/two-rules.js'), [path.join(root, '.irlintrc.json')]: '{ "plugins": ["./fixtures/plugins/two-rules.js", "./fixtures/plugins/../plugins/two-rules.js"] }', [path.join(root, 'r.md')]: REPORT };
    const r = await lint(files, ['r.md'], root);
    expect(r.code).toBe(2);
    expect(r.err).toContain('plugins[1]: rule "house-no-draft-marker" is defined twice');
  });

  it('--list-rules and --explain include plugin rules when a config names them', async () => {
    const files = houseFiles(`{ "plugins": ["./${house}"] }`);
    const list = await runCli({ argv: ['--list-rules'], files, cwd: root });
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/^acme-internal-hostname +error +Disallow internal host names in a report that will be public\. \(plugin\)$/m);
    expect(list.out).toContain(`${rules.length + 1} rules (${rules.length} built-in, 1 from plugins; config: .irlintrc.json)`);
    const ex = await runCli({ argv: ['--explain', 'acme-internal-hostname'], files, cwd: root });
    expect(ex.code).toBe(0);
    expect(ex.out).toContain('acme-internal-hostname (error by default; from a plugin named in .irlintrc.json)');
    expect(ex.out).toContain('Docs: https://wiki.acme.example/compliance/ir-lint#acme-internal-hostname');
  });
});

describe('--list-rules, --explain, --print-config, --init', () => {
  it('--list-rules lists every built-in rule with severity and fixable', async () => {
    const r = await runCli({ argv: ['--list-rules'] });
    expect(r.code).toBe(0);
    for (const rule of rules) {
      const line = r.out.split('\n').find((l) => l.startsWith(`${rule.meta.id} `));
      expect(line, rule.meta.id).toBeDefined();
      expect(line).toContain(rule.meta.severity);
      expect(line).toContain(rule.meta.description);
      expect(line?.includes(' fixable ')).toBe(rule.meta.fixable === true);
    }
  });

  it('--list-rules -f json', async () => {
    const r = await runCli({ argv: ['--list-rules', '-f', 'json'] });
    const rows = JSON.parse(r.out) as Array<{ id: string; url: string }>;
    expect(rows.map((x) => x.id)).toEqual(rules.map((x) => x.meta.id));
    expect(rows[0]?.url).toMatch(/docs\/rules\.md#/);
  });

  it('--explain prints rationale, source, options and examples', async () => {
    const r = await runCli({ argv: ['--explain', 'no-placeholder'] });
    expect(r.code).toBe(0);
    const rule = ruleById.get('no-placeholder')!;
    expect(r.out).toContain('no-placeholder (error by default)');
    expect(r.out).toContain(rule.meta.rationale);
    expect(r.out).toContain(rule.meta.source);
    expect(r.out).toMatch(/Options \(defaults\):\n {2}cells +string\[\] +default \["Example"/);
    expect(r.out).toContain(`  ${rule.meta.examples[0]!.title}`);
    expect(r.out).toContain('    → line 7: Template placeholder "Related Bug URL" left in');
    expect(r.out).toContain('Docs: https://github.com/ir-lint/ir-lint/blob/main/docs/rules.md#no-placeholder');
  });

  it('--explain of an unknown rule is exit 2 with a suggestion', async () => {
    const r = await runCli({ argv: ['--explain', 'section-requried'] });
    expect(r.code).toBe(2);
    expect(r.err).toContain('--explain: unknown rule "section-requried"; did you mean "section-required"?');
  });

  it('--print-config prints the resolved config for a file', async () => {
    const files = { 'docs/.irlintrc.yaml': 'template: ccadb-v3-full\nignores: [old/**]\nrules:\n  section-order: off\n  title-format: [error, { maxLength: 90 }]\n' };
    const r = await runCli({ argv: ['--print-config', 'docs/old/x.md', '--rule', 'field-empty:warn'], files });
    expect(r.code).toBe(0);
    const cfg = JSON.parse(r.out) as Record<string, unknown> & { rules: Record<string, unknown> };
    expect(cfg['configFile']).toBe('docs/.irlintrc.yaml');
    expect(cfg['template']).toBe('ccadb-v3-full');
    expect(cfg['ignored']).toBe(true);
    expect(cfg['ignores']).toEqual(['old/**']);
    expect(cfg.rules['section-order']).toBe('off');
    expect(cfg.rules['title-format']).toEqual(['error', { maxLength: 90 }]);
    expect(cfg.rules['field-empty']).toBe('warn');
    expect(cfg.rules['no-placeholder']).toEqual(['error', expect.objectContaining({ brackets: true })]);
    expect(Object.keys(cfg.rules)).toHaveLength(rules.length);
  });

  it('--print-config shows caAccounts, trimmed, and none by default', async () => {
    const r = await runCli({ argv: ['--print-config', 'b/1.bug.json'], files: { 'b/.irlintrc.json': '{ "caAccounts": [" ops@ca.example ", "@ca.example"] }' } });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { caAccounts: string[] }).caAccounts).toEqual(['ops@ca.example', '@ca.example']);
    const none = await runCli({ argv: ['--print-config', 'a.md'], files: {} });
    expect((JSON.parse(none.out) as { caAccounts: string[] }).caAccounts).toEqual([]);
  });

  it('--print-config reports config errors like a lint run', async () => {
    const r = await runCli({ argv: ['--print-config', 'a.md'], files: { '.irlintrc.json': '{ "rules": { "timeline-ordr": "off" } }' } });
    expect(r.code).toBe(2);
    expect(r.err).toContain('did you mean "timeline-order"?');
  });

  it('--init writes a skeleton and never overwrites', async () => {
    const r = await runCli({ argv: ['--init', 'draft.md'] });
    expect(r.code).toBe(0);
    expect(r.io.files.get('/work/draft.md')).toBe(FULL_REPORT_SKELETON);
    expect(r.out).toContain('Wrote draft.md');
    const again = await runCli({ argv: ['--init', 'draft.md'], files: { 'draft.md': 'my work' } });
    expect(again.code).toBe(2);
    expect(again.err).toContain('ir-lint: draft.md: already exists; ir-lint --init never overwrites a file');
    expect(again.io.files.get('/work/draft.md')).toBe('my work');
    const def = await runCli({ argv: ['--init'] });
    expect(def.io.files.get('/work/incident-report.md')).toBe(FULL_REPORT_SKELETON);
    const out = await runCli({ argv: ['--init', '-'] });
    expect(out.out).toBe(FULL_REPORT_SKELETON);
  });

  it('--init then linting the draft lists only what is still to fill in', async () => {
    const init = await runCli({ argv: ['--init', 'draft.md'] });
    const files = { 'draft.md': init.io.files.get('/work/draft.md') as string };
    const r = await runCli({ argv: ['-f', 'compact', '--now', '2025-12-01', 'draft.md'], files });
    expect(r.code).toBe(1);
    const lines = r.out.trim().split('\n');
    const skeleton = FULL_REPORT_SKELETON.split('\n');
    // Lines a writer fills in: an empty field, a template example row, the factor title, an empty section's heading.
    const fillIn = (n: number): boolean => {
      const text = skeleton[n - 1] ?? '';
      const next = (skeleton[n] ?? '') + (skeleton[n + 1] ?? '');
      return /:\*\*$/.test(text) || /^\| (Related Bug URL|Example) /.test(text) || text.includes('Contributing Factor #1: title') || (text.startsWith('### ') && !/\S/.test(skeleton[n] ?? 'x') && (next.startsWith('###') || next === ''));
    };
    const structural = new Set(['report-template', 'template-current', 'section-required', 'section-order', 'section-duplicate', 'field-required', 'action-items-table', 'rca-contributing-factors']);
    for (const l of lines) {
      const m = /^draft\.md:(\d+):\d+: \w+ (\S+) /.exec(l);
      expect(m, l).not.toBeNull();
      expect(structural.has(m![2]!), l).toBe(false);
      expect(fillIn(Number(m![1])), l).toBe(true);
    }
    // Every empty field is listed.
    expect(lines.filter((l) => l.includes(' field-empty Field ')).length).toBe(skeleton.filter((l) => /:\*\*$/.test(l) && !l.includes('Timeline summary') && !l.includes('Additional considerations')).length);
    expect(r.out).toContain('draft.md:5:3: error field-empty Field "CA Owner CCADB unique ID" is empty');
  });
});

describe('docs URLs', () => {
  it('every diagnostic links to its heading in docs/rules.md', () => {
    const docs = readFileSync(path.join(root, 'docs', 'rules.md'), 'utf8');
    const messages = lintAll(FULL_REPORT_SKELETON, '2025-12-01');
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) {
      expect(m.url).toBe(`https://github.com/ir-lint/ir-lint/blob/main/docs/rules.md#${m.ruleId}`);
      expect(docs).toContain(`\n## ${m.ruleId}\n`);
    }
  });
});
