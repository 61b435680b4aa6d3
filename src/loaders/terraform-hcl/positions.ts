import type { Body } from './hcl-ast.js';
import { parseSyntax, type Comment, type Syntax } from './hcl-parser.js';

/**
 * Where things are written in a `.tf` file, from its syntax tree: blocks with their line ranges,
 * attributes with their lines and text, and comments (for suppressions). A file with a syntax
 * error has the outline of the top-level blocks and attributes that end before the error, and
 * all its comments up to there.
 */
export interface SourceBody {
  readonly attributes: readonly SourceAttribute[];
  readonly blocks: readonly SourceBlock[];
}

export interface SourceAttribute {
  readonly name: string;
  readonly line: number;
  readonly endLine: number;
  /** The expression's text, as written. */
  readonly value: string;
}

export interface SourceBlock {
  readonly type: string;
  readonly labels: readonly string[];
  readonly line: number;
  /** The line of the closing brace. */
  readonly endLine: number;
  readonly body: SourceBody;
}

export interface SourceComment {
  /** The comment's text without its markers (`#`, `//`, block comments). */
  readonly text: string;
  readonly line: number;
  readonly endLine: number;
}

export interface SourceOutline {
  readonly body: SourceBody;
  readonly comments: readonly SourceComment[];
}

/** Parses HCL source text for its outline only. */
export function outline(text: string): SourceOutline {
  return outlineOf(text, parseSyntax(text));
}

export function outlineOf(text: string, syntax: Syntax): SourceOutline {
  const lineOf = lineIndex(text);
  const end = syntax.problem?.offset ?? Infinity;
  const comment = (c: Comment): SourceComment => ({ text: c.text, line: lineOf(c.start), endLine: lineOf(Math.max(c.start, c.end - 1)) });
  const body = (b: Body): SourceBody => ({
    attributes: b.attributes.map((a) => ({ name: a.name, line: lineOf(a.nameStart), endLine: lineOf(a.expr.end - 1), value: text.slice(a.expr.start, a.expr.end) })),
    blocks: b.blocks.map((k) => ({ type: k.type, labels: k.labels, line: lineOf(k.typeStart), endLine: lineOf(k.closeStart), body: body(k.body) })),
  });
  return { body: body(syntax.body), comments: syntax.comments.filter((c) => c.start < end).map(comment) };
}

/** A line index holds the line at every 2^STRIDE_BITS-th offset. */
const STRIDE_BITS = 5;

/**
 * A function from an offset to its 1-based line. It holds the line at every 32nd offset and counts
 * newlines from there: its memory is an eighth of the text's size however many lines there are
 * (the start of every line took eight bytes a line, 480 MB for a 60 MB file of blank lines).
 */
export function lineIndex(text: string): (offset: number) => number {
  const lines = new Uint32Array((text.length >> STRIDE_BITS) + 1);
  // One pass over the characters: a search for each newline costs more on a run of blank lines.
  for (let i = 0, line = 1; i <= text.length; i++) {
    if ((i & ((1 << STRIDE_BITS) - 1)) === 0) lines[i >> STRIDE_BITS] = line;
    if (text.charCodeAt(i) === 0x0a) line++;
  }
  return (offset) => {
    const at = Math.min(Math.max(offset, 0), text.length);
    let line = lines[at >> STRIDE_BITS]!;
    for (let i = (at >> STRIDE_BITS) << STRIDE_BITS; i < at; i++) if (text.charCodeAt(i) === 0x0a) line++;
    return line;
  };
}

/**
 * A lookup of the top-level blocks by type and labels, built once per body so that finding every
 * block of a large file takes linear time. A block written twice is found as its first.
 */
export function blockFinder(body: SourceBody): (type: string, labels: readonly string[]) => SourceBlock | undefined {
  const byKey = new Map<string, SourceBlock>();
  for (const b of body.blocks) {
    const key = blockKey(b.type, b.labels);
    if (!byKey.has(key)) byKey.set(key, b);
  }
  return (type, labels) => byKey.get(blockKey(type, labels));
}

/** One string per type and labels; JSON keeps labels holding any character apart. */
export function blockKey(type: string, labels: readonly string[]): string {
  return JSON.stringify([type, ...labels]);
}
