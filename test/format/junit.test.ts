/** --format junit: well-formed XML that a CI server reads, with the right counts. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/memory-io.js';
import { ctx, formatter, NASTY, sampleResults } from './helpers.js';

type Attrs = Record<string, string>;
type Outcome = Attrs & { '#text': string };
type Case = Attrs & { failure?: Outcome; error?: Outcome };
type Suite = Attrs & { testcase: Case[] };
interface Doc {
  testsuites: Attrs & { testsuite: Suite[] };
}

function parse(xml: string): Doc {
  expect(XMLValidator.validate(xml)).toBe(true);
  // XML 1.0 forbids these characters anywhere in a document.
  expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    parseTagValue: false,
    isArray: (name) => name === 'testsuite' || name === 'testcase',
    htmlEntities: true,
  });
  return parser.parse(xml) as Doc;
}

describe('junit format', () => {
  it('has one testsuite per file with tests, failures and errors counted', async () => {
    const junit = await formatter('junit');
    const xml = junit(sampleResults(), ctx());
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    const doc = parse(xml);
    expect([doc.testsuites.tests, doc.testsuites.failures, doc.testsuites.errors]).toEqual(['5', '3', '1']);
    const [a, clean, missing] = doc.testsuites.testsuite;
    expect(a).toMatchObject({ name: 'reports/a: b,c.md', tests: '3', failures: '3', errors: '0' });
    expect(a?.testcase.map((c) => c.name)).toEqual(['section-required (3:1)', 'action-item-status (5:9)', 'ir-lint (1:1)']);
    expect(a?.testcase[0]?.classname).toBe('reports/a: b,c');
    expect(a?.testcase[0]?.failure).toMatchObject({ type: 'error', message: 'Missing section "Timeline".' });
    expect(a?.testcase[1]?.failure?.type).toBe('warning');
    // A clean file is one passing test case.
    expect(clean).toMatchObject({ tests: '1', failures: '0', errors: '0' });
    expect(clean?.testcase).toHaveLength(1);
    expect(clean?.testcase[0]).not.toHaveProperty('failure');
    // An unreadable file could not be tested: an <error>.
    expect(missing).toMatchObject({ tests: '1', failures: '0', errors: '1' });
    expect(missing?.testcase[0]?.error).toMatchObject({ type: 'fatal', message: 'Cannot read file: no such file or directory.' });
  });

  it('escapes markup and shows control characters and lone surrogates visibly', async () => {
    const junit = await formatter('junit');
    const doc = parse(junit(sampleResults(), ctx()));
    const message = doc.testsuites.testsuite[0]?.testcase[1]?.failure?.message;
    expect(message).toBe(NASTY.replace('\r\n', ' \n').replace(/\u001b/g, '\\x1b').replace('\u0007', '\\x07').replace('\uD800', '\\ud800').replace('\u0085', '\\x85'));
  });

  it('reads the CLI output of a fixture with the counts the linter reported', async () => {
    const name = 'v3-full-structure-broken.md';
    const source = readFileSync(path.join(import.meta.dirname, '..', '..', 'fixtures', 'reports', name), 'utf8');
    const json = JSON.parse((await runCli({ argv: ['-f', 'json', '--now', '2025-12-01', name], files: { [name]: source } })).out) as Array<{ errorCount: number; warningCount: number }>;
    const { out, code } = await runCli({ argv: ['-f', 'junit', '--now', '2025-12-01', name], files: { [name]: source } });
    expect(code).toBe(1);
    const suite = parse(out).testsuites.testsuite[0];
    const problems = (json[0]?.errorCount ?? 0) + (json[0]?.warningCount ?? 0);
    expect(problems).toBeGreaterThan(0);
    expect(Number(suite?.tests)).toBe(problems);
    expect(Number(suite?.failures)).toBe(problems);
    expect(suite?.testcase.filter((c) => c.failure?.type === 'error')).toHaveLength(json[0]?.errorCount ?? -1);
  });
});
