/**
 * Certificate counts as people write them: "14", "2 certificates", "1,234",
 * "1 234", "about 230,000", "~5k", "1.2 million", "N/A", "none", "150
 * Certificates were referenced by 68 reports". A count is read from the
 * start of the value; words such as "about" or "more than" make it
 * approximate, and the reading says so instead of guessing.
 */
import { isNotApplicable, norm } from './text.js';

export type CountReading =
  | { kind: 'exact'; value: number; text: string }
  | { kind: 'approximate'; value: number; text: string; qualifier: string }
  | { kind: 'not-applicable'; text: string }
  | { kind: 'not-a-number'; text: string };

/** Words before a number that make it approximate. */
export const APPROXIMATE_WORDS = [
  'about',
  'approximately',
  'approx.',
  'approx',
  'around',
  'roughly',
  'circa',
  'ca.',
  'nearly',
  'almost',
  'over',
  'more than',
  'less than',
  'fewer than',
  'at least',
  'at most',
  'up to',
  'under',
  'some',
  'estimated',
  'an estimated',
  'est.',
  '~',
  '≈',
  '>',
  '<',
  '>=',
  '<=',
];

const NUMBER_WORDS: Record<string, number> = {
  zero: 0,
  none: 0,
  no: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};

const SCALE: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, mm: 1e6, million: 1e6, millions: 1e6, b: 1e9, billion: 1e9 };

// Digits with optional thousands separators (",", ".", "'", thin or plain space) or a decimal part.
const NUMBER = /^(\d{1,3}(?:([,.'\u2009\u202F ])\d{3})(?:\2\d{3})*|\d+)(?:\.(\d+))?(?:[ \t]*(k|m|mm|thousand|millions?|b|billion)\b)?(\+)?/i;

/** The first sentence or line of a value: a count is stated there. */
function firstPart(value: string): string {
  const line = value.split('\n')[0] ?? '';
  return line.replace(/^[-*\u2022][ \t]+/, '').trim();
}

/** Read a certificate count from a field value. */
export function readCount(value: string, approximateWords: readonly string[] = APPROXIMATE_WORDS): CountReading {
  const text = firstPart(value);
  if (isNotApplicable(text) || isNotApplicable(value)) return { kind: 'not-applicable', text };
  let rest = text.replace(/^[*_`]+/, '');
  let qualifier = '';
  const lower = norm(rest);
  const words = [...approximateWords].sort((a, b) => b.length - a.length);
  for (const w of words) {
    const wl = w.toLowerCase();
    if (lower.startsWith(wl) && (/[^a-z]$/.test(wl) || !/[a-z]/.test(lower.charAt(wl.length)))) {
      qualifier = rest.slice(0, w.length);
      rest = rest.slice(w.length).trimStart();
      break;
    }
  }
  const m = NUMBER.exec(rest);
  if (m) {
    const digits = (m[1] as string).replace(/[,.'\u2009\u202F ]/g, '');
    let n = Number(digits);
    const decimals = m[3];
    const scale = m[4] ? SCALE[m[4].toLowerCase()] : undefined;
    if (decimals !== undefined) n = Number(`${digits}.${decimals}`);
    if (scale) n *= scale;
    const plus = m[5] === '+';
    const whole = Number.isInteger(n);
    if (qualifier || plus || scale) {
      return { kind: 'approximate', value: Math.round(n), text, qualifier: qualifier || (plus ? `${m[0]}` : m[0]) };
    }
    if (!whole) return { kind: 'not-a-number', text };
    // "2024-05-01" or "10:30" is not a count.
    const after = rest.slice(m[0].length);
    if (/^[-/:]\d/.test(after)) return { kind: 'not-a-number', text };
    return { kind: 'exact', value: n, text };
  }
  const word = /^([a-z]+)\b/i.exec(rest);
  if (word) {
    const n = NUMBER_WORDS[(word[1] as string).toLowerCase()];
    if (n !== undefined && !(word[1]?.toLowerCase() === 'no' && !/^no\b[ \t]+(?:pre)?certificates?\b/i.test(rest))) {
      return qualifier ? { kind: 'approximate', value: n, text, qualifier } : { kind: 'exact', value: n, text };
    }
  }
  return { kind: 'not-a-number', text };
}
