/**
 * --format github against the runner's grammar: each line is parsed the way
 * the Actions runner parses workflow commands (ActionCommand.TryParseV2:
 * `::name key=value,key=value::data`, values unescaped with its mapping
 * tables, `%25` last) and must give back the file, position, title and
 * message we meant.
 */
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty } from '../../src/format/github.js';
import { ctx, formatter, NASTY, sampleResults } from './helpers.js';

interface Command {
  name: string;
  props: Record<string, string>;
  data: string;
}

const DATA: Array<[string, string]> = [['\r', '%0D'], ['\n', '%0A'], ['%', '%25']];
const PROPERTY: Array<[string, string]> = [['\r', '%0D'], ['\n', '%0A'], [':', '%3A'], [',', '%2C'], ['%', '%25']];

function unescape(text: string, table: Array<[string, string]>): string {
  let out = text;
  for (const [token, replacement] of table) out = out.split(replacement).join(token);
  return out;
}

/** The runner's parser, step for step. */
function parseCommand(line: string): Command | undefined {
  if (!line.startsWith('::')) return undefined;
  const end = line.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = line.slice(2, end);
  const space = info.indexOf(' ');
  const name = space < 0 ? info : info.slice(0, space);
  const props: Record<string, string> = {};
  if (space >= 0) {
    for (const pair of info.slice(space + 1).split(',').filter(Boolean)) {
      const eq = pair.indexOf('=');
      if (eq <= 0) return undefined;
      props[pair.slice(0, eq)] = unescape(pair.slice(eq + 1), PROPERTY);
    }
  }
  return { name, props, data: unescape(line.slice(end + 2), DATA) };
}

async function commands(): Promise<Command[]> {
  const github = await formatter('github');
  const text = github(sampleResults(), ctx());
  expect(text.endsWith('\n')).toBe(true);
  // One command a line; nothing a terminal would act on.
  expect(text).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
  return text.trimEnd().split('\n').map((line) => {
    const c = parseCommand(line);
    expect(c, line).toBeDefined();
    return c as Command;
  });
}

describe('github format', () => {
  it('emits one ::error / ::warning command per diagnostic, with the runner-readable properties', async () => {
    const cmds = await commands();
    expect(cmds.map((c) => c.name)).toEqual(['error', 'warning', 'warning', 'error']);
    for (const c of cmds) {
      for (const key of Object.keys(c.props)) expect(['file', 'line', 'col', 'endLine', 'endColumn', 'title']).toContain(key);
      for (const key of ['line', 'col', 'endLine', 'endColumn']) if (key in c.props) expect(c.props[key]).toMatch(/^[1-9]\d*$/);
    }
    expect(cmds[0]).toEqual({
      name: 'error',
      props: { file: 'reports/a: b,c.md', line: '3', col: '1', endLine: '3', endColumn: '12', title: 'section-required' },
      data: 'Missing section "Timeline".',
    });
    expect(cmds[3]?.props).toEqual({ file: 'reports/missing.md', line: '1', col: '1', title: 'ir-lint' });
  });

  it('escapes the message so it round-trips, with control characters made visible', async () => {
    const cmds = await commands();
    const expected = NASTY.replace('\r\n', '\n').replace(/\u001b/g, '\\x1b').replace('\u0007', '\\x07').replace('\u0085', '\\x85');
    expect(cmds[1]?.data).toBe(expected);
    expect(cmds[1]?.props['title']).toBe('action-item-status');
    // A newline in the data is escaped, so report text cannot start a command of its own.
    expect(cmds).toHaveLength(4);
  });

  it('escapes as the toolkit does', () => {
    expect(escapeData('100%\r\nx')).toBe('100%25%0D%0Ax');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });

  it('prints nothing for clean results', async () => {
    const github = await formatter('github');
    expect(github(sampleResults().slice(1, 2), ctx())).toBe('');
  });
});
