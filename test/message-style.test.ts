/**
 * One message style for every rule (all `meta.messages` templates of
 * rules/*): quoted values in double quotes (no single quotes or backticks
 * used as quotation marks), no doubled punctuation, a capital (or a
 * placeholder, a quote or a lower-case name such as crt.sh) at the start, a
 * full stop or a question mark at the end, and a sentence that says what to
 * do: a clause that starts with an action verb ("add", "write", "give", ...),
 * a requirement ("must", "should"), the "Expected ..." grammar, or a "did you
 * mean" suggestion. A message that is fine without one (a related location
 * that points at the other place; the main message says what to do) is in
 * test/message-style-allow.json with the reason.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { corpusFiles } from './helpers/corpus.js';
import { lintAll } from './helpers/lint.js';

const ALLOW_FILE = path.join(import.meta.dirname, 'message-style-allow.json');
const ALLOW = (JSON.parse(readFileSync(ALLOW_FILE, 'utf8')) as { entries: Record<string, string> }).entries;

/** Verbs that tell the author what to do when a clause starts with them. */
export const ACTION_VERBS = [
  'add', 'answer', 'attach', 'begin', 'change', 'check', 'close', 'convert', 'copy', 'correct', 'delete', 'describe',
  'explain', 'fill', 'finish', 'fix', 'give', 'keep', 'link', 'list', 'look', 'mark', 'merge', 'move', 'name', 'put',
  'post', 'remove', 'rename', 'replace', 'request', 'run', 'say', 'separate', 'set', 'start', 'state', 'update', 'use', 'write',
];

const MESSAGES = rules.flatMap((r) => Object.entries(r.meta.messages).map(([id, text]) => ({ key: `${r.meta.id}/${id}`, text })));

/** The template with placeholders as a neutral word, so that "{{x}}." reads as "x.". */
const plain = (t: string): string => t.replace(/\{\{\s*\w+\s*\}\}/g, 'X');

/** Single quotes used as quotation marks: an opening quote not after a letter, or one around a placeholder. */
export function singleQuoted(t: string): boolean {
  return /(?<![\p{L}\d])'[^'\s][^']*'(?![\p{L}\d])/u.test(t) || /'\{\{|\}\}'/.test(t);
}

/** Two punctuation marks in a row (".." ",." ". ." ";." "?:"), ellipsis and "?)" aside. */
export function doubledPunctuation(t: string): boolean {
  return /[.,;:!?][ ]?[.,;:]/.test(plain(t).replace(/\.\.\./g, '\u2026'));
}

export function endsAsSentence(t: string): boolean {
  return /[.?]["\u201D)]?$/.test(t.trimEnd());
}

export function startsAsSentence(t: string): boolean {
  return /^(?:[A-Z"(\d]|\{\{|crt\.sh\b)/.test(t);
}

/** A clause that says what to do. */
export function saysWhatToDo(t: string): boolean {
  const text = plain(t);
  if (/\b(?:must|should|did you mean)\b/i.test(text) || /(?:^|[.;:]\s)expected\b/i.test(text)) return true;
  // What is in parentheses is an example or an aside, not the instruction.
  const clauses = text.replace(/\([^()]*\)/g, '').split(/[.;:!?]\s+|,\s+|\s+(?=(?:or|and|then|so)\s)|\u2014/);
  const verb = new RegExp(`^(?:(?:or|and|then|so|please|instead)\\s+)*(?:${ACTION_VERBS.join('|')})\\b`, 'i');
  return clauses.some((c) => verb.test(c.replace(/^["'\s]+/, '')));
}

describe('message style', () => {
  it('reads every rule message', () => {
    expect(MESSAGES.length).toBeGreaterThan(150);
  });

  it('quotes values in double quotes, never in single quotes or backticks', () => {
    expect(MESSAGES.filter((m) => singleQuoted(m.text) || m.text.includes('`')).map((m) => `${m.key}: ${m.text}`)).toEqual([]);
  });

  it('has no doubled punctuation', () => {
    expect(MESSAGES.filter((m) => doubledPunctuation(m.text)).map((m) => `${m.key}: ${m.text}`)).toEqual([]);
  });

  it('is a sentence: a capital at the start, a full stop or a question mark at the end', () => {
    expect(MESSAGES.filter((m) => !startsAsSentence(m.text) || !endsAsSentence(m.text)).map((m) => `${m.key}: ${m.text}`)).toEqual([]);
  });

  it('says what to do (or is allowed not to, with a reason)', () => {
    expect(MESSAGES.filter((m) => !saysWhatToDo(m.text) && ALLOW[m.key] === undefined).map((m) => `${m.key}: ${m.text}`)).toEqual([]);
  });

  it('allows only messages that exist and need it, each with a reason', () => {
    const byKey = new Map(MESSAGES.map((m) => [m.key, m.text]));
    const stale = Object.entries(ALLOW).filter(([key, why]) => !byKey.has(key) || saysWhatToDo(byKey.get(key) as string) || why.length < 20);
    expect(stale.map(([key]) => key)).toEqual([]);
  });

  it('quotes the values a rule passes in double quotes too (every finding on the fixtures and the corpus)', () => {
    const root = path.join(import.meta.dirname, '..');
    const texts = [
      ...['fixtures/reports', 'fixtures/fix', 'fixtures/clean', 'fixtures/clean-cross'].flatMap((d) =>
        readdirSync(path.join(root, d)).filter((f) => /\.(?:md|txt)$/.test(f) && !f.endsWith('.expected.txt')).map((f) => readFileSync(path.join(root, d, f), 'utf8')),
      ),
      ...corpusFiles().map((f) => f.text),
    ];
    const bad = new Set<string>();
    for (const t of texts) {
      for (const m of lintAll(t, '2026-11-22')) {
        const related = (m.related ?? []).map((r) => r.message);
        for (const text of [m.message, ...related]) if (singleQuoted(text) || text.includes('`')) bad.add(`${m.ruleId}: ${text}`);
      }
    }
    expect([...bad]).toEqual([]);
  });

  it('the checks can fail', () => {
    expect(singleQuoted("Time '{{found}}' has no timezone.")).toBe(true);
    expect(singleQuoted("The CA's own incidents; other CAs' incidents.")).toBe(false);
    expect(doubledPunctuation('Found "{{x}}"..')).toBe(true);
    expect(doubledPunctuation('It is {{x}}. .')).toBe(true);
    expect(doubledPunctuation('Row 2, "Is revoked?": expected Yes.')).toBe(false);
    expect(doubledPunctuation('Is revoked?: expected Yes.')).toBe(true);
    expect(endsAsSentence('use the sentence: "{{sentence}}"')).toBe(false);
    expect(endsAsSentence('State "All times are UTC."')).toBe(true);
    expect(startsAsSentence('the later entry is here.')).toBe(false);
    expect(saysWhatToDo('Row {{row}} has {{found}} fields; the header has {{expected}}.')).toBe(false);
    expect(saysWhatToDo('Section "{{section}}" appears twice; merge them.')).toBe(true);
    expect(saysWhatToDo('The list is short, so attach the CSV.')).toBe(true);
    expect(saysWhatToDo('Kind must be {{kinds}}; found "{{found}}".')).toBe(true);
  });
});
