/**
 * Text from a report must not drive the reader's terminal: strip C0/C1
 * control characters (ANSI escapes, OSC sequences, bell) except tab.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

export function sanitize(text: string): string {
  return text.replace(CONTROL, (c) => (c === '\n' || c === '\r' ? ' ' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
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
