/**
 * The one CSV reader, for Appendix attachments and for CSVs pasted into a
 * report. RFC 4180: fields separated by a delimiter (a comma unless told),
 * records by CRLF, LF or a lone CR; a field in double quotes may hold the
 * delimiter, line breaks and doubled quotes (""). A byte order mark at the
 * start is skipped. Blank lines between records are skipped.
 *
 * Every cell keeps where it is in the text (the span of the raw field,
 * quotes included), so findings point at the cell. The reader is lenient
 * where real files are sloppy and records what it forgave: a quote inside an
 * unquoted field is kept as text, text after a closing quote is appended, and
 * a quote left open runs to the end of the input (`problems` says where).
 *
 * Pure and small: one pass over the characters, no regular expressions.
 */

export interface CsvCell {
  /** The field's value: quotes removed, doubled quotes undone (not trimmed). */
  text: string;
  /** Offsets of the raw field in the text, quotes included. */
  start: number;
  end: number;
  /** True when the field was in double quotes. */
  quoted: boolean;
}

export interface CsvRecord {
  cells: CsvCell[];
  /** Offset where the record starts. */
  start: number;
  /** Offset after its last field (before the line break). */
  end: number;
  /** 1-based record number in the file, the header being record 1. */
  index: number;
}

export type CsvProblemKind = 'unclosedQuote' | 'quoteInField' | 'textAfterQuote';

export interface CsvProblem {
  kind: CsvProblemKind;
  offset: number;
}

export interface CsvReading {
  records: CsvRecord[];
  problems: CsvProblem[];
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * Read CSV records from `text[from, to)`. Offsets are offsets into `text`.
 * `delimiter` is one character.
 */
export function readCsv(text: string, options: { from?: number; to?: number; delimiter?: string } = {}): CsvReading {
  const to = options.to ?? text.length;
  let i = options.from ?? 0;
  if (i === 0 && text.charCodeAt(0) === 0xfeff) i = 1;
  const delim = (options.delimiter ?? ',').charCodeAt(0);
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  let cells: CsvCell[] = [];
  let recordStart = i;

  const endRecord = (end: number): void => {
    // A blank line (one empty, unquoted field) is not a record.
    const only = cells[0];
    if (!(cells.length === 1 && only !== undefined && !only.quoted && only.text === '')) {
      records.push({ cells, start: recordStart, end, index: records.length + 1 });
    }
    cells = [];
  };

  while (i <= to) {
    const fieldStart = i;
    let value: string;
    let quoted = false;
    if (i < to && text.charCodeAt(i) === QUOTE) {
      quoted = true;
      let j = i + 1;
      let out = '';
      let chunk = j;
      let closed = false;
      while (j < to) {
        if (text.charCodeAt(j) === QUOTE) {
          if (j + 1 < to && text.charCodeAt(j + 1) === QUOTE) {
            out += text.slice(chunk, j + 1);
            j += 2;
            chunk = j;
            continue;
          }
          out += text.slice(chunk, j);
          j++;
          closed = true;
          break;
        }
        j++;
      }
      if (!closed) {
        out += text.slice(chunk, j);
        problems.push({ kind: 'unclosedQuote', offset: i });
      }
      // Text between the closing quote and the delimiter is kept (lenient).
      let k = j;
      while (k < to) {
        const c = text.charCodeAt(k);
        if (c === delim || c === CR || c === LF) break;
        k++;
      }
      if (k > j) {
        problems.push({ kind: 'textAfterQuote', offset: j });
        out += text.slice(j, k);
      }
      value = out;
      i = k;
    } else {
      let k = i;
      while (k < to) {
        const c = text.charCodeAt(k);
        if (c === delim || c === CR || c === LF) break;
        if (c === QUOTE && problems.length < 1000) problems.push({ kind: 'quoteInField', offset: k });
        k++;
      }
      value = text.slice(i, k);
      i = k;
    }
    cells.push({ text: value, start: fieldStart, end: i, quoted });
    if (i >= to) {
      endRecord(i);
      break;
    }
    const c = text.charCodeAt(i);
    if (c === delim) {
      i++;
      if (i === to) {
        // A trailing delimiter: one more, empty field.
        cells.push({ text: '', start: i, end: i, quoted: false });
        endRecord(i);
        break;
      }
      continue;
    }
    // A line break ends the record.
    const end = i;
    i += c === CR && i + 1 < to && text.charCodeAt(i + 1) === LF ? 2 : 1;
    endRecord(end);
    recordStart = i;
    if (i >= to) break;
  }
  return { records, problems };
}

/** Quote a value for CSV output when it needs it (RFC 4180). */
export function csvField(value: string, delimiter = ','): string {
  return value.includes('"') || value.includes(delimiter) || value.includes('\n') || value.includes('\r') ? `"${value.replace(/"/g, '""')}"` : value;
}
