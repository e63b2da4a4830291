/**
 * Character codes of JSON syntax, shared by the text scanners (json-tree.ts, json-locate.ts). A
 * const enum: tsc inlines each use as a number literal, so the scan loops pay no property loads
 * (a namespace of exported constants measured ~50% slower in the locator).
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
