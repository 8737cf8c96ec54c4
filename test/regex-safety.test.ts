/**
 * No catastrophic regexes. Every regular expression literal in src/ and
 * rules/ (and every `new RegExp('constant')`) has a recheck verdict in
 * test/regex-audit.json, written by `npx tsx scripts/regex-audit.ts --write`
 * (recheck takes a minute and its fuzzer's verdicts vary with time and load,
 * so the test reads the recorded verdicts, like a docs-up-to-date check). A
 * new or changed expression without a verdict fails here until the audit is
 * re-run; one recheck finds super-linear must be listed below with the reason
 * it is linear anyway (bounded input, bounded repetition, a lookbehind that
 * recheck's fuzzer ignores). Expressions built at run time from word lists
 * are alternations of escaped words. The time each rule takes on adversarial
 * input is bounded by `npm run bench:adversarial`.
 */
import { readFileSync } from 'node:fs';
import { checkSync } from 'recheck';
import { describe, expect, it } from 'vitest';
import { AUDIT_FILE, findRegexes, type AuditEntry } from '../scripts/regex-audit.js';

/** file → pattern source → why it is linear in practice. */
const REVIEWED: Record<string, string> = {
  '/\\b(?:post|posts|posted|posting|publish|published|publishes|file|files|filed|filing|submit|submits|submitted|send|sends|sent|share|shares|shared|upload|uploaded|open|opens|opened|create|created|update|updated)\\b[^.\\n]{0,40}?\\b(?:report|bug)\\b/gi':
    'the gap between the verb and "report" is bounded ({0,40}), so each start costs at most 40 steps; measured linear: 560,000 characters of the attack in 23 ms',
  '/ +\\n$/': 'src/cli/info.ts: rule metadata rows, never report text',
  '/\\n+$/': 'src/docs.ts: generated docs, never report text',
  '/<!--\\s*ir-lint-(disable-next-line|disable-line|disable-file|disable|enable)(?=\\s|-->)([^]*?)-->/g': 'src/engine/directives.ts runs it only up to the last "-->" of a line, so every opener finds its closer in one scan',
  '/(?<![0-9a-z])(?:[0-9a-f]{2}:){20,40}[0-9a-f]{2}(?![0-9a-z:])|(?<![0-9a-z=])[0-9a-f]{56,72}(?![0-9a-z])/gi': 'bounded repetition: at most 40 pairs or 72 digits are tried from a start',
  '/\\[([^\\]\\n]{1,80})\\]/g': 'bounded repetition: at most 80 characters are tried from a "["',
  '/^\\s*["\']?([^"\':]+?)["\']?\\s*:/': 'src/parse/context.ts applies it to the first 200 characters of a line',
  '/^[*_]{0,3}[ \\t]*contributing[ \\t]+factor[ \\t]*(#)?[ \\t]*(\\d{1,3})?[ \\t]*[*_]{0,3}[ \\t]*([:.)\\u2013\\u2014-])?[ \\t]*(.*)$/i': 'applied to one line: "(.*)$" always matches there, so the optional runs never backtrack',
  '/^(?:[ \\t]*(?:T|,|\\u2013|\\u2014|-|@|:|\\||at|\\(|~|approx\\.?|around|ca\\.?)[ \\t]*){0,3}[ \\t]*$/i': 'gapOk() applies it to gaps of at most 24 characters',
  '/^(?:please[ \\t]+)?(?:see|refer[ \\t]+to|as[ \\t]+(?:described|stated|per)(?:[ \\t]+in)?|same[ \\t]+as)[ \\t]+(?:the[ \\t]+)?(?:comment[ \\t]*#?[ \\t]*\\d+|bug[ \\t]*#?[ \\t]*\\d+|above|below|previous[ \\t]+(?:comment|report)|preliminary[ \\t]+report|attachment(?:[ \\t]*#?[ \\t]*\\d+)?|https?:\\/\\/\\S+)[ \\t.]*$/i': 'rules/free-standing.ts applies it to values of at most 120 characters',
  '/^[\\s(~]*(?:on\\s+|at\\s+)?[\\s(~]*$/i': 'rules/timeline-summary-dates.ts applies it to at most 12 characters',
  '/(?:\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}|\\d{1,2}[-/ ][A-Za-z]{3,9}\\.?[-/ ,]{1,2}\\d{4}|[A-Za-z]{3,9}\\.? \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}|Q[1-4],? \\d{4}|(?:end of |mid-?|early |late )?[A-Za-z]{3,9} \\d{4}|(?<!\\S)\\S+)$/':
    'every alternative but the last has a bounded length, and the last, (?<!\\S)\\S+, starts only at a token start (recheck\'s fuzzer ignores the lookbehind); measured linear: 160,000 characters in 19 ms',
  "/^(?:n[ \\t]*=[ \\t]*|total[ \\t:]*|approx(?:imately|\\.)?[ \\t]+|about[ \\t]+|~[ \\t]*)?\\d[\\d,.' ]{0,15}(?:[ \\t]*(?:k|thousand|million))?(?:[ \\t]+(?:affected[ \\t]+)?(?:(?:pre)?certificates?|certs?|leaf[ \\t]+certificates?))?[ \\t]*\\.?$/i":
    'rules/impact-heuristic-specific.ts applies it only to values of at most 60 characters',
  '/\\b(?:no|none|not\\s+find|found\\s+no|did\\s+not\\s+identify)\\b[^.\\n]{0,80}\\b(?:last|past|previous|recent)\\b/i':
    'bounded repetition: at most 80 characters are tried after each "no"/"none", so the work is at most 80 steps a character',
};

describe('regular expressions', () => {
  const { literals, dynamic } = findRegexes();
  const audit = new Map((JSON.parse(readFileSync(AUDIT_FILE, 'utf8')) as { entries: AuditEntry[] }).entries.map((e) => [e.pattern, e]));

  it('are all found (the audit is not blind)', () => {
    expect(literals.length).toBeGreaterThan(200);
    expect(literals.some((r) => r.file === 'src/parse/lines.ts')).toBe(true);
    expect(dynamic.length).toBeGreaterThan(0);
  });

  it('recheck finds the known quadratic shape, and not its linear rewrite (the checker works)', () => {
    expect(checkSync('[ \\t]+$', '').status).toBe('vulnerable');
    expect(checkSync('^[ \\t]+$', '').status).toBe('safe');
  });

  it('every expression in the code has a recorded verdict (after changing a regex, run `npx tsx scripts/regex-audit.ts --write`)', () => {
    const missing = literals.filter((r) => !audit.has(`/${r.source}/${r.flags}`)).map((r) => `${r.file}:${r.line}: /${r.source}/${r.flags}`);
    expect(missing).toEqual([]);
  });

  it('no expression is vulnerable unless reviewed above with the reason it is linear', () => {
    const problems = literals
      .map((r) => ({ r, e: audit.get(`/${r.source}/${r.flags}`) }))
      .filter(({ r, e }) => e?.status === 'vulnerable' && REVIEWED[`/${r.source}/${r.flags}`] === undefined)
      .map(({ r, e }) => `${r.file}:${r.line}: /${r.source}/${r.flags} (${e?.complexity}; attack ${e?.attack})`);
    expect(problems).toEqual([]);
  });

  it('the reviewed list and the recorded verdicts have no stale entries', () => {
    const present = new Set(literals.map((r) => `/${r.source}/${r.flags}`));
    expect(Object.keys(REVIEWED).filter((k) => !present.has(k))).toEqual([]);
    expect([...audit.keys()].filter((k) => !present.has(k))).toEqual([]);
  });
});
