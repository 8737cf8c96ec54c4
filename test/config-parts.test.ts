/**
 * The config resolver's parts: finding, reading, validating, with one
 * severity coercion, options validated once, and the errno wording every
 * file message shares.
 */
import { describe, expect, it } from 'vitest';
import { rules as builtins } from '../rules/index.js';
import { parseSeverity } from '../src/config/index.js';
import { configFinder } from '../src/config/find.js';
import { createConfigResolver } from '../src/config/load.js';
import { readConfigData } from '../src/config/read.js';
import { ConfigError, errnoText } from '../src/errors.js';
import type { Rule } from '../src/types.js';
import { memoryIo } from './helpers/memory-io.js';

const show = (abs: string): string => abs;

describe('parseSeverity', () => {
  it('takes the words and the numbers; text from the command line also digits and "warning"', () => {
    for (const [v, want] of [['off', 0], ['warn', 1], ['error', 2], [0, 0], [1, 1], [2, 2]] as const) expect(parseSeverity(v)).toBe(want);
    for (const v of ['warning', '1', 'Error', 3, null, undefined, 'toString', '__proto__']) expect(parseSeverity(v)).toBeUndefined();
    expect(parseSeverity('warning', { text: true })).toBe(1);
    expect(parseSeverity('2', { text: true })).toBe(2);
    expect(parseSeverity('3', { text: true })).toBeUndefined();
    expect(parseSeverity('constructor', { text: true })).toBeUndefined();
  });
});

describe('finding', () => {
  it('takes the nearest directory with a config, a package.json only with its "ir-lint" key', async () => {
    const io = memoryIo({
      argv: [],
      cwd: '/w',
      files: { '/w/.irlintrc.yaml': 'rules: {}\n', '/w/a/package.json': '{"name":"x"}', '/w/a/b/package.json': '{"ir-lint":{}}', '/w/a/c/r.md': '' },
    });
    const find = configFinder({ io, show });
    expect(await find('/w/a/b')).toBe('/w/a/b/package.json');
    expect(await find('/w/a/c')).toBe('/w/.irlintrc.yaml');
    expect(await find('/elsewhere')).toBeUndefined();
  });
});

describe('reading', () => {
  it('gives plain data without __proto__ keys, and names the file and place of a syntax error', async () => {
    const io = memoryIo({ argv: [], cwd: '/w', files: { '/w/.irlintrc.json': '{ // c\n "rules": {}, "__proto__": {"x": 1}, }', '/w/bad.yml': 'rules:\n  a: [1\n' } });
    expect(await readConfigData({ io, show }, '/w/.irlintrc.json', false)).toEqual({ rules: {} });
    const error = await readConfigData({ io, show }, '/w/bad.yml', true).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).file).toBe('/w/bad.yml');
    expect((error as ConfigError).message).toMatch(/^line \d+, column \d+: invalid YAML: /);
  });

  it('says why a named config cannot be read in the shared errno words', async () => {
    const io = memoryIo({ argv: [], cwd: '/w', files: {} });
    await expect(readConfigData({ io, show }, '/w/nope.json', true)).rejects.toThrow('cannot read: no such file or directory');
  });
});

describe('validating', () => {
  it('checks a rule\'s options once, in the config, not again when the rules are resolved', async () => {
    let parses = 0;
    const counting: Rule = {
      meta: { ...(builtins[0] as Rule).meta, id: 'counting-options' },
      check: () => undefined,
    };
    counting.meta.options = {
      safeParse(value: unknown) {
        parses++;
        return { success: true as const, data: { ...(value as object), checked: true } };
      },
    };
    const io = memoryIo({ argv: [], cwd: '/w', files: { '/w/.irlintrc.json': JSON.stringify({ rules: { 'counting-options': ['warn', { max: 3 }] } }) } });
    const resolver = createConfigResolver(io, { builtins: [counting] });
    const fc = await resolver.forFile('/w/r.md');
    expect(fc.rules).toEqual([{ rule: counting, severity: 1, options: { max: 3, checked: true } }]);
    expect(parses).toBe(1);
    // The raw options stay as written (--print-config shows them for a rule that is off).
    expect(fc.config.rules.get('counting-options')?.options).toEqual({ max: 3 });
  });

  it('reports bad options at their key path in the config file', async () => {
    const io = memoryIo({ argv: [], cwd: '/w', files: { '/w/.irlintrc.json': JSON.stringify({ rules: { 'rca-human-error': ['warn', { nope: 1 }] } }) } });
    const resolver = createConfigResolver(io, { builtins });
    const error = await resolver.forFile('/w/r.md').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).file).toBe('.irlintrc.json');
    expect((error as ConfigError).message).toMatch(/^rules\.rca-human-error\[1\]/);
  });
});

describe('errnoText', () => {
  it('words the errno codes one way, and falls back to the first line of the message', () => {
    expect(errnoText({ code: 'ENOENT' })).toBe('no such file or directory');
    expect(errnoText(Object.assign(new Error('EACCES: permission denied, open x'), { code: 'EACCES' }))).toBe('permission denied');
    expect(errnoText({ code: 'ELOOP' })).toBe('too many levels of symbolic links (a symlink loop)');
    expect(errnoText(Object.assign(new Error('EIO: i/o error.\nmore'), { code: 'EIO' }))).toBe('EIO: i/o error');
    expect(errnoText({ code: 'toString' })).not.toMatch(/function/);
  });
});
