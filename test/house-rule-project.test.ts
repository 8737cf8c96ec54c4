/**
 * The README's house rule, as a user adopts it: copied into a project made
 * by `npm init -y` (CommonJS by default), with ir-lint installed in its
 * node_modules, and run by the built binary. And a plugin whose `import
 * 'ir-lint'` cannot be resolved (ir-lint installed globally, not in the
 * project) gets a one-line hint.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runBin, tempDir } from './helpers/bin.js';

// The file the README shows (and links) as the house rule example, by the name it ships with.
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const LINKED = /^\[(docs\/examples\/house-rules\/[^\]]+)\]\(\1\):$/m.exec(README)?.[1] ?? 'missing from the README';
const EXAMPLE = path.join(ROOT, LINKED);
const NAME = path.basename(LINKED);
const REPORT = '## Full Incident Report\n\n### Timeline\n\n- 2025-08-12 14:30 UTC: alert from ca-db-7.corp.acme.example\n';

function npmInitProject(): string {
  const dir = tempDir('ir-lint-npm-init-');
  const init = spawnSync('npm', ['init', '-y'], { cwd: dir, encoding: 'utf8', env: { ...process.env, npm_config_yes: 'true' } });
  if (init.status !== 0) writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'reports', version: '1.0.0', main: 'index.js', license: 'ISC' }, null, 2));
  return dir;
}

describe('the README house rule in a default npm init -y project', { timeout: 60_000 }, () => {
  it('loads and reports (the example is an .mjs module, whatever the project\'s "type")', () => {
    const dir = npmInitProject();
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { type?: string };
    expect(pkg.type === undefined || pkg.type === 'commonjs').toBe(true);
    mkdirSync(path.join(dir, 'node_modules'));
    symlinkSync(ROOT, path.join(dir, 'node_modules', 'ir-lint'), 'dir');
    mkdirSync(path.join(dir, 'rules'));
    copyFileSync(EXAMPLE, path.join(dir, 'rules', NAME));
    writeFileSync(path.join(dir, '.irlintrc.json'), JSON.stringify({ plugins: [`./rules/${NAME}`] }));
    writeFileSync(path.join(dir, 'r.md'), REPORT);
    const r = runBin(['-f', 'compact', '--now', '2025-12-01', '--rule', 'section-required:off', 'r.md'], { cwd: dir });
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^r\.md:5:36: error acme-internal-hostname Internal host name "ca-db-7\.corp\.acme\.example" in a public report/m);
  });

  it('a plugin that imports ir-lint where it is not installed: one line saying how to fix it', () => {
    const dir = npmInitProject();
    // The README example, under another name; the hint is about the import, not the file name.
    copyFileSync(EXAMPLE, path.join(dir, 'house.mjs'));
    writeFileSync(path.join(dir, '.irlintrc.json'), '{ "plugins": ["./house.mjs"] }\n');
    writeFileSync(path.join(dir, 'r.md'), REPORT);
    const r = runBin(['r.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      'ir-lint: invalid configuration in .irlintrc.json: plugins[0]: cannot load plugin "./house.mjs": it imports "ir-lint", which Node cannot find from the plugin\'s folder; install ir-lint in that project (npm install --save-dev <the git URL or tarball you installed it from>), or, with a global install, link it there with "npm link ir-lint"\n',
    );
  });
});
