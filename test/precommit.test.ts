/**
 * The pre-commit hook, end to end with the real `pre-commit` tool: this
 * checkout is copied into a throwaway git repository (the hook source, as a
 * compliance repo would reference ours), a second throwaway repository uses
 * it from .pre-commit-config.yaml, and `git commit` runs it. pre-commit
 * installs the hook the way it installs any `language: node` hook (npm
 * install, which builds through `prepare`, then npm pack and a global install
 * into its own environment), so this needs the npm registry or a warm npm
 * cache. Skipped when `pre-commit` is not installed.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '..');
const HAS_PRE_COMMIT = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
if (!HAS_PRE_COMMIT) console.warn('pre-commit hook test skipped: `pre-commit` is not installed (apt-get install pre-commit)');

/** The environment without anything that would point git at another repository. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const key of Object.keys(env)) if (key.startsWith('GIT_') || key === 'PRE_COMMIT') delete env[key];
  return { ...env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com' };
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 540_000 });
}

function must(r: SpawnSyncReturns<string>, what: string): string {
  if (r.status !== 0) throw new Error(`${what} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** The project's files as git sees them (tracked and new, minus ignored), or the package's own files outside git. */
function projectFiles(env: NodeJS.ProcessEnv): string[] {
  const listed = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], root, env);
  if (listed.status === 0 && listed.stdout.length > 0) {
    return listed.stdout.split('\0').filter((f) => f && existsSync(path.join(root, f)) && statSync(path.join(root, f)).isFile());
  }
  throw new Error('the project is not a git checkout; cannot build a hook source repository');
}

describe.skipIf(!HAS_PRE_COMMIT)('pre-commit hook', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'ir-lint-pre-commit-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const env = cleanEnv({ PRE_COMMIT_HOME: path.join(tmp, 'cache'), PRE_COMMIT_COLOR: 'never', NO_COLOR: '1' });

  it('refuses a commit with a broken report and accepts a clean one', () => {
    // The hook source: this checkout, committed in a repository of its own.
    const src = path.join(tmp, 'ir-lint');
    for (const f of projectFiles(env)) {
      mkdirSync(path.dirname(path.join(src, f)), { recursive: true });
      copyFileSync(path.join(root, f), path.join(src, f));
    }
    must(run('git', ['init', '-q'], src, env), 'git init (hook source)');
    must(run('git', ['add', '-A'], src, env), 'git add (hook source)');
    must(run('git', ['commit', '-q', '--no-verify', '-m', 'ir-lint'], src, env), 'git commit (hook source)');
    const rev = must(run('git', ['rev-parse', 'HEAD'], src, env), 'git rev-parse').trim();

    // A compliance repository that uses the hook.
    const repo = path.join(tmp, 'reports');
    mkdirSync(repo);
    must(run('git', ['init', '-q'], repo, env), 'git init');
    writeFileSync(
      path.join(repo, '.pre-commit-config.yaml'),
      `repos:\n  - repo: ${src}\n    rev: ${rev}\n    hooks:\n      - id: ir-lint\n        args: [--now, "2025-12-01"]\n`,
    );
    must(run('pre-commit', ['install'], repo, env), 'pre-commit install');
    must(run('git', ['add', '.pre-commit-config.yaml'], repo, env), 'git add');
    // No Markdown staged: the hook is skipped and the commit goes through.
    must(run('git', ['commit', '-q', '-m', 'config'], repo, env), 'commit without reports');

    const fixture = (name: string) => readFileSync(path.join(root, 'fixtures', 'reports', name), 'utf8');
    mkdirSync(path.join(repo, 'incidents'));
    writeFileSync(path.join(repo, 'incidents', 'report.md'), fixture('v3-full-structure-broken.md'));
    must(run('git', ['add', 'incidents/report.md'], repo, env), 'git add broken');
    const refused = run('git', ['commit', '-m', 'broken report'], repo, env);
    const said = `${refused.stdout}\n${refused.stderr}`;
    expect(refused.status, said).not.toBe(0);
    expect(said).toMatch(/ir-lint\.+Failed/);
    expect(said).toContain('incidents/report.md');
    expect(run('git', ['rev-list', '--count', 'HEAD'], repo, env).stdout.trim()).toBe('1');

    writeFileSync(path.join(repo, 'incidents', 'report.md'), fixture('v3-full-clean.md'));
    must(run('git', ['add', 'incidents/report.md'], repo, env), 'git add clean');
    const accepted = run('git', ['commit', '-m', 'clean report'], repo, env);
    expect(accepted.status, `${accepted.stdout}\n${accepted.stderr}`).toBe(0);
    expect(accepted.stdout + accepted.stderr).toMatch(/ir-lint\.+Passed/);
    expect(run('git', ['rev-list', '--count', 'HEAD'], repo, env).stdout.trim()).toBe('2');
  }, 600_000);
});
