/**
 * Wildcard patterns (IAM actions and resources, ECR repository filters) matched without a regular
 * expression. Compiled to `^a.*b.*c$`, a pattern with n `*` backtracks through every way of
 * cutting the text into n runs: `Action: "********************x"` took 15 s against
 * `iam:PassRole`, and each further `*` multiplies that. Here each literal piece between two `*` is
 * placed at its leftmost fit after the one before: a later fit leaves less room for the pieces
 * after it, so if any placement matches, that one does.
 */

/**
 * Whether `text` is `pieces` in order, with any runs of characters between them (the pieces
 * joined by `.*` under the `s` flag). With `anyChar`, a `?` in a piece stands for any one character.
 * Time linear in the text for pieces without `?`; at most text × pattern length with them.
 */
export function matchesPieces(pieces: readonly string[], text: string, anyChar: boolean): boolean {
  const first = pieces[0] ?? '';
  if (pieces.length <= 1) return text.length === first.length && fitsAt(text, first, 0, anyChar);
  const last = pieces[pieces.length - 1]!;
  const end = text.length - last.length;
  if (end < first.length || !fitsAt(text, first, 0, anyChar) || !fitsAt(text, last, end, anyChar)) return false;
  let from = first.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const piece = pieces[i]!;
    const at = leftmostFit(text, piece, from, end - piece.length, anyChar);
    if (at === -1) return false;
    from = at + piece.length;
  }
  return true;
}

/** Line terminators, which `.` does not match without the `s` flag; captured, so that `split` keeps them. */
const LINE_TERMINATOR = /([\n\r\u2028\u2029])/;

/**
 * {@link matchesPieces} for a pattern written with `*` as its only run wildcard, where runs and `?`
 * never take a line terminator (the pattern compiled without the `s` flag): only a line terminator
 * of the pattern matches one of the text, so line by line.
 */
export function matchesByLine(pattern: string, text: string, anyChar: boolean): boolean {
  const patternLines = pattern.split(LINE_TERMINATOR);
  const textLines = text.split(LINE_TERMINATOR);
  if (patternLines.length !== textLines.length) return false;
  // Even indexes hold lines, odd ones the terminators between them.
  return patternLines.every((line, i) => (i % 2 === 1 ? line === textLines[i] : matchesPieces(line.split('*'), textLines[i]!, anyChar)));
}

/**
 * Text as a case-insensitive regular expression (the `i` flag without `u`) compares it: each
 * code unit upper-cased where that gives one code unit, and never from beyond ASCII into it.
 */
export function caseFolded(text: string): string {
  if (/^[\x00-\x7f]*$/.test(text)) return text.toUpperCase();
  let out = '';
  for (const unit of text.split('')) {
    const upper = unit.toUpperCase();
    out += upper.length !== 1 || (unit.charCodeAt(0) >= 128 && upper.charCodeAt(0) < 128) ? unit : upper;
  }
  return out;
}

/** Whether `piece` fits in `text` at `at`, where it is known to end within the text when it holds a `?`. */
function fitsAt(text: string, piece: string, at: number, anyChar: boolean): boolean {
  if (!anyChar || !piece.includes('?')) return text.startsWith(piece, at);
  for (let i = 0; i < piece.length; i++) {
    if (piece[i] !== '?' && piece[i] !== text[at + i]) return false;
  }
  return true;
}

/** The first position from `from` to `latest` where `piece` fits, or -1. */
function leftmostFit(text: string, piece: string, from: number, latest: number, anyChar: boolean): number {
  if (!anyChar || !piece.includes('?')) {
    const at = text.indexOf(piece, from);
    return at !== -1 && at <= latest ? at : -1;
  }
  for (let at = from; at <= latest; at++) if (fitsAt(text, piece, at, anyChar)) return at;
  return -1;
}
