/**
 * JSON character scanning, shared by every scanner over JSON-like text (json-tree.ts,
 * json-locate.ts, json.ts, substitute.ts, the template finders): the character codes of JSON
 * syntax and where a string literal ends.
 *
 * The codes are a const enum: tsc inlines each use as a number literal, so the scan loops pay no
 * property loads (a namespace of exported constants measured ~50% slower in the locator).
 */
export const enum C {
  Tab = 9,
  Lf = 10,
  Cr = 13,
  Space = 32,
  Quote = 34,
  Comma = 44,
  Colon = 58,
  OpenBracket = 91,
  Backslash = 92,
  CloseBracket = 93,
  OpenBrace = 123,
  CloseBrace = 125,
  LowerF = 102,
  LowerN = 110,
  LowerT = 116,
}

/**
 * The offset of the quote closing the string whose opening quote is at `open`, in text known to
 * be valid JSON: the next quote not escaped by an odd run of backslashes, found with the native
 * search. -1 when there is none.
 */
export function closingQuote(text: string, open: number): number {
  let end = text.indexOf('"', open + 1);
  while (end >= 0) {
    let backslashes = 0;
    for (let k = end - 1; text.charCodeAt(k) === C.Backslash; k--) backslashes++;
    if ((backslashes & 1) === 0) return end;
    end = text.indexOf('"', end + 1);
  }
  return -1;
}

/**
 * Where the string whose opening quote is at `open` ends in text that may not be valid JSON yet
 * (a template, text with placeholders): the offset of its closing quote, or of the line end or
 * the text's end when it is not closed on its line. A backslash escapes the next character.
 */
export function stringEndOnLine(text: string, open: number): number {
  let i = open + 1;
  const len = text.length;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (c === C.Quote || c === C.Lf) break;
    i += c === C.Backslash ? 2 : 1;
  }
  return i;
}

/**
 * Counts object keys in text already known to be valid JSON: a string token followed by ':'.
 * A linear scan over char codes, a fraction of a tree build.
 */
export function countJsonKeys(text: string): number {
  let n = 0;
  const len = text.length;
  let i = text.indexOf('"');
  while (i >= 0 && i < len) {
    // closingQuote(), written out: this loop runs once per string of every valid document.
    let end = text.indexOf('"', i + 1);
    while (end > 0) {
      let backslashes = 0;
      for (let k = end - 1; text.charCodeAt(k) === C.Backslash; k--) backslashes++;
      if ((backslashes & 1) === 0) break;
      end = text.indexOf('"', end + 1);
    }
    if (end < 0) break;
    let j = end + 1;
    for (;;) {
      const c = text.charCodeAt(j);
      if (c === C.Space || c === C.Lf || c === C.Cr || c === C.Tab) j++;
      else break;
    }
    if (text.charCodeAt(j) === C.Colon) n++;
    i = text.indexOf('"', j);
  }
  return n;
}
