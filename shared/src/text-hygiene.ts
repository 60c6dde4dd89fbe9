/**
 * Clean text: what every boundary does to a string a person typed or a file carried before it
 * is stored or printed. Control characters (C0 other than tab and line feed, DEL, C1),
 * noncharacters (U+FDD0–U+FDEF and the last two code points of every plane) and lone surrogates
 * are removed, line breaks become `\n`, and the result is in Unicode NFC, so an issued paper
 * stays valid XML and the same words always compare equal.
 *
 *   cleanText('Decides\u0000 to\r\nact')   // 'Decides to\nact'
 *   cleanLine('Title\nwith a break\t')     // 'Title with a break '
 */

/** Lone surrogates: a high one not followed by a low one, or a low one not after a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** C0 controls except tab and line feed, DEL, C1 controls, and the noncharacters. */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{4FFFE}\u{4FFFF}\u{5FFFE}\u{5FFFF}\u{6FFFE}\u{6FFFF}\u{7FFFE}\u{7FFFF}\u{8FFFE}\u{8FFFF}\u{9FFFE}\u{9FFFF}\u{AFFFE}\u{AFFFF}\u{BFFFE}\u{BFFFF}\u{CFFFE}\u{CFFFF}\u{DFFFE}\u{DFFFF}\u{EFFFE}\u{EFFFF}\u{FFFFE}\u{FFFFF}\u{10FFFE}\u{10FFFF}]/gu;

/** Carriage returns (alone or before a line feed) and the Unicode line and paragraph separators. */
const LINE_BREAK = /\r\n?|[\u2028\u2029]/g;

/** Text that may span lines: tabs and line feeds stay, everything else unsafe goes. */
export function cleanText(text: string): string {
  return text
    .replace(LONE_SURROGATE, '')
    .replace(LINE_BREAK, '\n')
    .replace(FORBIDDEN, '')
    .normalize('NFC');
}

/** One line of text (a title, a name): line breaks and tabs become spaces. */
export function cleanLine(text: string): string {
  return cleanText(text).replace(/[\n\t]/g, ' ');
}

/** Whether the text is already clean (a boundary that refuses instead of cleaning). */
export function isCleanText(text: string): boolean {
  return cleanText(text) === text;
}

/**
 * Characters XML 1.0 forbids in a document, even as references: everything outside tab, line
 * feed, carriage return, U+0020–U+D7FF, U+E000–U+FFFD and the supplementary planes (lone
 * surrogates included). A writer drops them as a last line of defence.
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlSafeText(text: string): string {
  return text.replace(NOT_XML, '');
}
