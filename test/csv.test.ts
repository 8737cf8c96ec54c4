/**
 * The CSV reader (src/parse/csv.ts): RFC 4180 cases, the leniencies, and
 * fuzzing: any table written the RFC 4180 way (random quoting, CRLF or LF,
 * a BOM) reads back as the same table with every cell's offsets on its
 * field, and any text at all reads without throwing, with offsets in range
 * and in order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, readCsv } from '../src/parse/csv.js';

const values = (text: string): string[][] => readCsv(text).records.map((r) => r.cells.map((c) => c.text));

describe('readCsv', () => {
  it('reads plain fields, LF and CRLF', () => {
    expect(values('a,b,c\n1,2,3\n')).toEqual([['a', 'b', 'c'], ['1', '2', '3']]);
    expect(values('a,b\r\n1,2\r\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(values('a,b\r1,2')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(values('"CN=x,O=Example\\, Inc.",b\n')).toEqual([['CN=x,O=Example\\, Inc.', 'b']]);
    expect(values('"say ""hi""",2\n')).toEqual([['say "hi"', '2']]);
    expect(values('"line one\r\nline two",2\nnext,3\n')).toEqual([['line one\r\nline two', '2'], ['next', '3']]);
  });

  it('skips a BOM and blank lines, keeps empty fields', () => {
    expect(values('\uFEFFa,b\n\n1,\n,\n')).toEqual([['a', 'b'], ['1', ''], ['', '']]);
    expect(values('a,')).toEqual([['a', '']]);
    expect(values('')).toEqual([]);
  });

  it('gives each cell its span and each record its number and start', () => {
    const text = 'h1,h2\n"a\nb",c\n';
    const [header, row] = readCsv(text).records;
    expect(header?.index).toBe(1);
    expect(row?.index).toBe(2);
    expect(row?.start).toBe(6);
    expect(row?.cells.map((c) => text.slice(c.start, c.end))).toEqual(['"a\nb"', 'c']);
    expect(row?.cells[0]?.quoted).toBe(true);
  });

  it('is lenient with sloppy quoting and says where', () => {
    const stray = readCsv('a"b,c\n');
    expect(stray.records[0]?.cells.map((c) => c.text)).toEqual(['a"b', 'c']);
    expect(stray.problems).toEqual([{ kind: 'quoteInField', offset: 1 }]);
    const after = readCsv('"a"x,c\n');
    expect(after.records[0]?.cells.map((c) => c.text)).toEqual(['ax', 'c']);
    expect(after.problems[0]?.kind).toBe('textAfterQuote');
    const open = readCsv('a,"b\nc,d\n');
    expect(open.records).toHaveLength(1);
    expect(open.records[0]?.cells[1]?.text).toBe('b\nc,d\n');
    expect(open.problems[0]).toEqual({ kind: 'unclosedQuote', offset: 2 });
  });

  it('reads another delimiter and a slice of a text', () => {
    expect(values('a;b\n').length).toBe(1);
    expect(readCsv('a;b\n', { delimiter: ';' }).records[0]?.cells.map((c) => c.text)).toEqual(['a', 'b']);
    const text = 'xx\na,b\nyy';
    const r = readCsv(text, { from: 3, to: 6 });
    expect(r.records[0]?.cells.map((c) => [c.text, c.start])).toEqual([
      ['a', 3],
      ['b', 5],
    ]);
  });
});

// Field text from characters that matter to CSV, and others.
const fieldArb = fc.string({ unit: fc.constantFrom('a', 'Z', '0', ',', '"', '\n', '\r', ' ', ';', '\u00e9', '\t'), maxLength: 12 });
// A record that is not one empty field (which is a blank line, and skipped).
const recordArb = fc.array(fieldArb, { minLength: 1, maxLength: 6 }).filter((r) => !(r.length === 1 && r[0] === ''));

describe('readCsv fuzzing', () => {
  it('reads back any table written the RFC 4180 way, with each cell on its field', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.boolean(), fc.boolean(), (table, eol, quoteAll, bom, finalEol) => {
        const fields = table.map((r) => r.map((v) => (quoteAll || v === '' ? `"${v.replace(/"/g, '""')}"` : csvField(v))));
        const text = (bom ? '\uFEFF' : '') + fields.map((r) => r.join(',')).join(eol) + (finalEol ? eol : '');
        const { records, problems } = readCsv(text);
        expect(problems).toEqual([]);
        expect(records.map((r) => r.cells.map((c) => c.text))).toEqual(table);
        records.forEach((r, i) => {
          expect(r.cells.map((c) => text.slice(c.start, c.end))).toEqual(fields[i]);
          expect(r.index).toBe(i + 1);
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on any text; offsets are in range and in order', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', '\uFEFF'), maxLength: 60 }), (text) => {
        const { records } = readCsv(text);
        let last = 0;
        for (const r of records) {
          expect(r.start).toBeGreaterThanOrEqual(last);
          for (const c of r.cells) {
            expect(c.start).toBeGreaterThanOrEqual(last);
            expect(c.end).toBeGreaterThanOrEqual(c.start);
            expect(c.end).toBeLessThanOrEqual(text.length);
            last = c.end;
          }
        }
      }),
      { numRuns: 3000 },
    );
  });
});
