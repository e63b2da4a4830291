/**
 * Text from the linted files (state names, keys, paths) reaches a terminal or a CI log through the
 * human formats and the CLI's messages. A control character there is an instruction to the
 * terminal (ESC [ ... moves the cursor, rewrites earlier lines, sets the window title, hides the
 * text that follows), and a bidirectional override reorders what is shown. Every such character is
 * shown as a visible escape instead: `\x1b`, `\u202e`.
 */

/** C0 controls, DEL, C1 controls, and the Unicode bidirectional controls and separators. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escape(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `s` with every control character escaped (line breaks and tabs too: use it on one-line fields). */
export function printable(s: string): string {
  return s.replace(UNPRINTABLE, escape);
}

/** As printable(), keeping line feeds for the caller to handle (a CR, which rewrites the line, is escaped). */
export function printableLines(s: string): string {
  return s.replace(UNPRINTABLE, (ch) => (ch === '\n' ? ch : escape(ch)));
}
