import { diagnostic, type Diagnostic } from '../../diagnostic.js';
import type { Suppression } from '../../graph/resource.js';
import type { SourceBlock, SourceComment } from './positions.js';

/**
 * Inline suppressions: a comment directly above a block, or inside it, saying
 *
 *     # sekisho:ignore:<policy-id> <reason> [exp:YYYY-MM-DD]
 *
 * (`//` and `/* *\/` work too). The reason is required: without one the comment suppresses
 * nothing and a warning says so. From the expiry day on the suppression no longer holds.
 */
const MARKER = /sekisho:ignore:([A-Za-z0-9][\w./-]*)([^\n]*)/g;
/** In the last word of a reason; see `expiry`. */
const EXPIRY = /\bexp:(\S*)$/;

export interface BlockSuppressions {
  readonly suppressions: Suppression[];
  readonly diagnostics: Diagnostic[];
}

/** The suppressions written for a block: in the comments right above it and inside it. */
export function blockSuppressions(block: SourceBlock | undefined, comments: readonly SourceComment[], file: string): BlockSuppressions {
  const out: BlockSuppressions = { suppressions: [], diagnostics: [] };
  if (!block) return out;
  for (const c of commentsOf(block, comments)) {
    for (const s of parseSuppressions(c, file, out.diagnostics)) out.suppressions.push(s);
  }
  return out;
}

/**
 * Comments inside the block's lines, and the unbroken run of comment lines ending just above it:
 * one slice of the comments (which are in line order), found by a binary search so that the
 * blocks of a file with many comments do not each read all of them.
 */
function commentsOf(block: SourceBlock, comments: readonly SourceComment[]): readonly SourceComment[] {
  const first = firstFromLine(comments, block.line);
  let end = first;
  while (end < comments.length && comments[end]!.line <= block.endLine) end++;
  let start = first;
  let next = block.line;
  while (start > 0 && comments[start - 1]!.endLine === next - 1) next = comments[--start]!.line;
  return comments.slice(start, end);
}

/** The index of the first comment on or after `line` (the length when there is none). */
function firstFromLine(comments: readonly SourceComment[], line: number): number {
  let lo = 0;
  let hi = comments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (comments[mid]!.line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Every `sekisho:ignore:` in one comment (a block comment may hold several lines of them). */
export function parseSuppressions(comment: SourceComment, file: string, diagnostics: Diagnostic[]): Suppression[] {
  const out: Suppression[] = [];
  const lines = comment.text.split('\n');
  lines.forEach((text, offset) => {
    const line = comment.line + offset;
    for (const m of text.matchAll(MARKER)) {
      const policyId = m[1]!;
      let rest = m[2]!.replace(/\*\/\s*$/, '').trim();
      let expires: string | undefined;
      const exp = expiry(rest);
      if (exp) {
        rest = rest.slice(0, exp.at).trim();
        if (!isDate(exp.date)) {
          const text = {
            en: `suppression of ${policyId} has an invalid expiry date (expected exp:YYYY-MM-DD); it is ignored`,
            ja: `${policyId} の抑止の期限の日付が正しくないため、この抑止は無視します（exp:YYYY-MM-DD の形で書いてください）`,
          };
          diagnostics.push(diagnostic('warning', 'invalid-suppression', file, text, { line }));
          continue;
        }
        expires = exp.date;
      }
      if (rest === '') {
        const text = {
          en: `suppression of ${policyId} gives no reason; it is ignored (write the reason after the policy ID)`,
          ja: `${policyId} の抑止に理由が書かれていないため、この抑止は無視します（ポリシー ID の後に理由を書いてください）`,
        };
        diagnostics.push(diagnostic('warning', 'invalid-suppression', file, text, { line }));
        continue;
      }
      out.push({ policyId, reason: rest, ...(expires !== undefined && { expires }), file, line });
    }
  });
  return out;
}

/**
 * The `exp:` that ends a (trimmed) reason, and where it starts. It is looked for in the last word
 * only: a regular expression over the whole reason backtracks quadratically on a long run of spaces.
 */
function expiry(reason: string): { at: number; date: string } | undefined {
  let start = reason.length;
  while (start > 0 && !/\s/.test(reason[start - 1]!)) start--;
  const m = EXPIRY.exec(reason.slice(start));
  return m ? { at: start + m.index, date: m[1]! } : undefined;
}

function isDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}
