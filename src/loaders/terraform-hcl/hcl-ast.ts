/**
 * The syntax tree of an HCL native-syntax file, as much of hclsyntax's as converting it to
 * Terraform's JSON syntax needs: the kinds of expression that conversion tells apart, each with
 * its span in the source text (from its first token's start to its last token's end, comments
 * inside included), which is what an expression not converted is written as.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A number keeps its decimal text (`1.5`, `1000` for `1e3`): templates write it so. */
export type Literal =
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'number'; readonly text: string }
  | { readonly type: 'bool'; readonly value: boolean }
  | { readonly type: 'null' };

export type Expr = Span &
  (
    | { readonly kind: 'literal'; readonly value: Literal }
    /** A template with literal parts and interpolations, or one literal (`"text"`). */
    | { readonly kind: 'template'; readonly parts: readonly Expr[] }
    /** A template that is one interpolation and nothing else (`"${x}"`): it stands for `x`. */
    | { readonly kind: 'wrap'; readonly inner: Expr }
    | { readonly kind: 'tuple'; readonly items: readonly Expr[] }
    | { readonly kind: 'object'; readonly items: readonly ObjectItem[] }
    | { readonly kind: 'unary'; readonly op: '-' | '!'; readonly operand: Expr }
    /** `c ? a : b`, and a template's `%{if c}a%{else}b%{endif}`. */
    | { readonly kind: 'conditional'; readonly condition: Expr; readonly then: Expr; readonly otherwise: Expr }
    /** A template's `%{for k, v in c}body%{endfor}`. */
    | { readonly kind: 'template-for'; readonly keyVar: string | undefined; readonly valueVar: string; readonly collection: Expr; readonly body: Expr }
    /** A name with attribute and constant index steps: `var.x`, `a.b[0]`. */
    | { readonly kind: 'traversal' }
    /** Anything else: operators, calls, `for` expressions, splats, parentheses. */
    | { readonly kind: 'other' }
  );

export interface ObjectItem {
  readonly key: Expr;
  readonly value: Expr;
}

export interface Attribute {
  readonly name: string;
  readonly nameStart: number;
  readonly expr: Expr;
}

export interface Block {
  readonly type: string;
  readonly typeStart: number;
  /** Label values, escapes resolved. */
  readonly labels: readonly string[];
  readonly body: Body;
  /** Where the closing brace is. */
  readonly closeStart: number;
}

/** Attributes and blocks in the order they are written. */
export interface Body {
  readonly attributes: readonly Attribute[];
  readonly blocks: readonly Block[];
}
