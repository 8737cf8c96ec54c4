/**
 * Text from a report must not drive the reader's terminal: strip C0/C1
 * control characters (ANSI escapes, OSC sequences, bell) except tab.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

export function sanitize(text: string): string {
  return text.replace(CONTROL, (c) => (c === '\r' ? ' ' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

/**
 * Characters that change what a line of terminal output looks like without
 * being seen: line breaks, bidi embeddings, overrides and isolates
 * (U+202A-U+202E, U+2066-U+2069) and zero-width characters (U+200B-U+200D,
 * U+2060, U+FEFF), besides the controls of `sanitize`.
 */
// eslint-disable-next-line no-control-regex
const LINE_UNSAFE = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u200B-\u200D\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;

/**
 * For one-line-per-finding output (stylish, compact): every control, line
 * break, bidi control and zero-width character is shown as an escape
 * (`\x1b`, `\x0a`, `\u202e`), so one finding is one line and reads as it is.
 */
export function sanitizeLine(text: string): string {
  return text.replace(LINE_UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * JSON text → the same JSON with DEL and the C1 controls (U+007F-U+009F)
 * written as \u escapes. JSON.stringify escapes only U+0000-U+001F; a raw
 * U+009B is a CSI to some terminals. The parsed value is unchanged.
 */
export function escapeJsonControls(json: string): string {
  // eslint-disable-next-line no-control-regex
  return json.replace(/[\u007F-\u009F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
