import { isAlias, isMap, isNode, isScalar, isSeq, LineCounter, parseAllDocuments, parseDocument, type Alias, type Document, type Node, type Tags } from 'yaml';
import { EMPTY_FILE, InputError } from '../../diagnostic.js';
import { lineOfEntry, LineTree, type LineChildren, type LineEntry } from '../../graph/resource.js';
import { setOwn } from '../../graph/values.js';
import { FOR_EACH } from './for-each-loop.js';
import { MAX_NESTING, TOO_DEEP, type Json, type JsonWithLines, type ParseWarning } from '../json-with-lines.js';

/** The error code of a file of several YAML documents, where a template is one. */
export const MULTIPLE_DOCUMENTS = 'multiple-documents';

/**
 * A YAML document may expand (through aliases) to at most this many values: far more than any
 * template CloudFormation accepts (1 MB), far fewer than an alias bomb would produce.
 */
const MAX_VALUES = 1_000_000;

/**
 * Indenting a closing line again costs a parse of the whole text: at most this much text is parsed
 * again in all (a template has a few such lines; one with thousands would take minutes).
 */
const MAX_REPARSED_CHARS = 1 << 20;

/**
 * The template parsed. Two things YAML 1.2 refuses and PyYAML reads — so the AWS CLI and AWS SAM,
 * whose own examples are written so, accept them — are indented further and the text parsed again:
 * a flow collection closed at its key's indentation (`Key: [{` … `}]` with `}]` under `Key`), and a
 * quoted value continued on a line no deeper than its key (`Value: 'first words` with `more words'`
 * under `Value`). Spaces inside a flow collection, and at the start of a quoted value's next lines,
 * mean nothing, so the values are those written. Lines stay where they are.
 */
function parseLeniently(text: string): { doc: Document; lineCounter: LineCounter; text: string } {
  for (let reparsed = 0; ; reparsed += text.length) {
    const lineCounter = new LineCounter();
    // Duplicate keys are looked for below: the library's own check compares each key with every
    // earlier one, quadratic in a template's thousands of resources.
    const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, customTags });
    const error = doc.errors[0];
    const withinBudget = reparsed + text.length <= MAX_REPARSED_CHARS;
    const again = !error || !withinBudget
      ? undefined
      : error.code === 'BAD_INDENT' && /^Flow (map|sequence) in block collection/.test(error.message)
        ? indentClosingLine(text, error.pos[0])
        : error.code === 'MISSING_CHAR' && UNCLOSED_QUOTE.test(error.message)
          ? indentQuotedLines(text, error.pos[0], error.message.startsWith('Missing closing "') ? '"' : "'")
          : undefined;
    if (again === undefined) return { doc, lineCounter, text };
    text = again;
  }
}

/** `text` with the line at `offset` indented two spaces further, if it holds nothing but closing brackets. */
function indentClosingLine(text: string, offset: number): string | undefined {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  const line = text.slice(start, end === -1 ? text.length : end);
  return /^[ \t]*[\]}][\]},\s]*$/.test(line) ? `${text.slice(0, start)}  ${text.slice(start)}` : undefined;
}

/**
 * `text` with the lines of the quoted value left open before `end` indented past its key, when a
 * quote further on closes it (as PyYAML reads it): `undefined` when none does, when no line needed
 * it, or when a line starts a new document (`---`, `...`), where PyYAML stops too.
 */
function indentQuotedLines(text: string, end: number, quote: '"' | "'"): string | undefined {
  const open = openingQuote(text, end, quote);
  const close = closingQuote(text, open + 1, quote);
  if (close === undefined) return undefined;
  const lineStart = text.lastIndexOf('\n', open - 1) + 1;
  // The key's column: past the indentation and any `- ` of sequence items before it.
  const key = /^[ ]*(?:-[ ]+)*/.exec(text.slice(lineStart, open))![0].length;
  const lines = text.slice(open, close).split('\n');
  let changed = false;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^(---|\.\.\.)(\s|$)/.test(line)) return undefined;
    const indent = /^[ ]*/.exec(line)![0].length;
    if (indent <= key && line.trim() !== '') {
      lines[i] = ' '.repeat(key + 1 - indent) + line;
      changed = true;
    }
  }
  return changed ? text.slice(0, open) + lines.join('\n') + text.slice(close) : undefined;
}

/** Where the value quoted from `from` closes (`''` inside single quotes and a backslash inside double quotes escape the quote). */
function closingQuote(text: string, from: number, quote: '"' | "'"): number | undefined {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote === '"' && c === '\\') i++;
    else if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return undefined;
}

/**
 * CloudFormation's short-form functions, each as a tag on a scalar, a sequence and a mapping: the
 * only tags it takes (`Fn::ForEach` has none, `Fn::Length` and `Fn::ToJsonString` come with the
 * AWS::LanguageExtensions transform).
 */
const SHORT_FORMS = ['Ref', 'Condition', 'Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue', 'Join', 'Length', 'Select', 'Split', 'Sub', 'ToJsonString', 'Transform', 'And', 'Equals', 'If', 'Not', 'Or'];
const SHORT_FORM_TAGS = new Set(SHORT_FORMS.map((name) => `!${name}`));

/**
 * Declared to the YAML library, which otherwise builds a warning, stack trace included, for every
 * tag it does not know: a third of the time of a large template. Values are kept as written and
 * expanded by `intrinsic` below, as is a tag missing from this list.
 */
const customTags: Tags = SHORT_FORMS.flatMap((name) => [
  { tag: `!${name}`, resolve: (value: string) => value },
  { tag: `!${name}`, collection: 'seq' as const, resolve: (value: unknown) => value },
  { tag: `!${name}`, collection: 'map' as const, resolve: (value: unknown) => value },
]) as Tags;

/**
 * Parses a CloudFormation YAML template into the same plain tree and line map the JSON parser
 * gives, turning each short-form intrinsic tag into its long form (`!Ref X` → `{Ref: X}`,
 * `!GetAtt A.B` → `{"Fn::GetAtt": ["A", "B"]}`, `!Sub …` → `{"Fn::Sub": …}`).
 */
export function parseCloudFormationYaml(text: string): JsonWithLines {
  // The text as parsed, closing lines indented: the offsets of the document's nodes are in it.
  const parsed = parseLeniently(text);
  return documentWithLines(parsed.doc, parsed.lineCounter, parsed.text);
}

/**
 * Each YAML document of a file holding several (`---` between them), parsed as a template, or the
 * error that document has. CloudFormation refuses such a file, but each of its templates can still
 * be checked.
 */
export function parseCloudFormationYamlDocuments(text: string): (JsonWithLines | InputError)[] {
  const lineCounter = new LineCounter();
  return parseAllDocuments(text, { lineCounter, uniqueKeys: false, prettyErrors: false, customTags }).map((doc) => {
    try {
      return documentWithLines(doc, lineCounter, text);
    } catch (error) {
      if (error instanceof InputError) return error;
      throw error;
    }
  });
}

/** One parsed document of `text` as a template, or an `InputError` saying why it is not one. */
function documentWithLines(doc: Document, lineCounter: LineCounter, text: string): JsonWithLines {
  const error = doc.errors[0];
  if (error) {
    const pos = lineCounter.linePos(error.pos[0]);
    // The YAML library turns a stack overflow on absurd nesting into a parse error; say what it means.
    if (/call stack/i.test(error.message)) throw new InputError(TOO_DEEP, 'too-deep', pos.line, pos.col);
    // `---` followed by more: several YAML documents in one file, where a template is one.
    if (error.code === 'MULTIPLE_DOCS') {
      throw new InputError(
        { en: 'a second YAML document starts here: a CloudFormation template is one document per file', ja: 'ここから 2 つ目の YAML 文書が始まっています: CloudFormation テンプレートは 1 ファイルに 1 文書です' },
        MULTIPLE_DOCUMENTS,
        pos.line,
        pos.col,
      );
    }
    // The library's own words in English; in Japanese, what they mean, with them for searching.
    const reason = firstLine(error.message);
    // An unclosed quote runs to the end of the document: the line to fix is where it opens.
    const at = UNCLOSED_QUOTE.test(reason) ? lineCounter.linePos(openingQuote(text, error.pos[0], reason.includes('"') ? '"' : "'")) : pos;
    throw new InputError({ en: `invalid YAML: ${reason}`, ja: `YAML として読めません: ${yamlErrorInJapanese(error.code, reason)}（${reason}）` }, 'parse-error', at.line, at.col);
  }
  if (doc.contents === null) throw new InputError(EMPTY_FILE, 'empty-file', 1);

  const warnings: ParseWarning[] = [];
  let duplicates = 0;
  let unknownTags = 0;
  // Alias.resolve() searches the document each time; an alias always resolves to the same node.
  const resolved = new Map<Alias, unknown>();
  let produced = 0;
  const lineAt = (node: Node): number => lineCounter.linePos(node.range?.[0] ?? 0).line;
  /** Where a value that is too much is written: an alias's line, or its anchor's. */
  const lineOfValue = (node: unknown): number | undefined => (isNode(node) ? lineAt(node) : undefined);

  /** The lines of the children of the mapping or sequence converted last; `undefined` after a scalar. */
  let children: LineChildren | undefined;

  /** `record` is off below an alias: the values' lines are those of the anchor, recorded there. */
  const convert = (node: unknown, depth: number, record = true): Json => {
    if (++produced > MAX_VALUES) {
      throw new InputError({ en: `the document expands to more than ${MAX_VALUES} values (YAML aliases?)`, ja: `文書を展開すると値が ${MAX_VALUES} 個を超えます（YAML のエイリアスによるものではありませんか）` }, 'too-large', lineOfValue(node));
    }
    if (depth > MAX_NESTING) throw new InputError(TOO_DEEP, 'too-deep', lineOfValue(node));
    children = undefined;
    if (isAlias(node)) {
      if (!resolved.has(node)) resolved.set(node, node.resolve(doc as Document));
      const value = convert(resolved.get(node), depth + 1, false);
      children = undefined;
      return value;
    }
    let value: Json;
    let lines: LineChildren | undefined;
    if (isMap(node)) {
      const out: { [key: string]: Json } = {};
      const byKey: { [key: string]: LineEntry } = {};
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        // CloudFormation keeps the last of a key written twice (the AWS CLI's `deploy` refuses
        // it): read as deployed, and warned of, since the first is most likely what was meant.
        if (record && Object.prototype.hasOwnProperty.call(out, key)) {
          const pos = lineCounter.linePos((pair.key as Node | null)?.range?.[0] ?? node.range?.[0] ?? 0);
          if (duplicates++ < MAX_DUPLICATE_WARNINGS) warnings.push(duplicateKey(key, lineOfEntry(byKey[key]), pos));
        }
        const v = convert(pair.value, depth + 1, record);
        if (record && isScalar(pair.key)) setOwn(byKey, key, children === undefined ? lineAt(pair.key) : [lineAt(pair.key), children]);
        setOwn(out, key, v);
      }
      value = out;
      lines = byKey;
    } else if (isSeq(node)) {
      const byIndex: LineEntry[] = [];
      value = node.items.map((item, i) => {
        const v = convert(item, depth + 1, record);
        if (record && item && typeof item === 'object' && 'range' in item) byIndex[i] = children === undefined ? lineAt(item as Node) : [lineAt(item as Node), children];
        return v;
      });
      lines = byIndex;
    } else if (isScalar(node)) {
      value = scalarValue(node.value);
    } else {
      value = null; // an empty value (`Key:` with nothing after it)
    }
    const tag = (node as { tag?: string } | null)?.tag;
    let result = value;
    if (tag !== undefined && tag.startsWith('!')) {
      const shortForm = SHORT_FORM_TAGS.has(tag);
      if (!shortForm && record) {
        // The node starts after its tag, on the next line for a block: point at the tag itself.
        const start = (node as Node).range?.[0] ?? 0;
        const at = text.lastIndexOf(tag, start);
        if (unknownTags++ < MAX_TAG_WARNINGS) warnings.push(unknownTag(tag, lineCounter.linePos(at === -1 ? start : at)));
      }
      result = shortForm ? intrinsic(tag.slice(1), value) : notKnown(tag.slice(1), value);
    }
    children = record ? lines : undefined;
    return result;
  };

  const value = convert(doc.contents, 0);
  if (duplicates > MAX_DUPLICATE_WARNINGS) warnings.push(moreDuplicateKeys(duplicates - MAX_DUPLICATE_WARNINGS));
  if (unknownTags > MAX_TAG_WARNINGS) warnings.push(moreUnknownTags(unknownTags - MAX_TAG_WARNINGS));
  return { value, lines: new LineTree(children ?? {}), ...(warnings.length > 0 && { warnings }) };
}

/** Keys written twice are each warned of up to this many; the rest are counted in one warning. */
const MAX_DUPLICATE_WARNINGS = 10;

function moreDuplicateKeys(count: number): ParseWarning {
  return {
    code: 'duplicate-key',
    message: { en: `${count} more keys are written twice in their mappings; CloudFormation keeps the last of each`, ja: `ほかにも ${count} 個のキーが同じマッピングに 2 回書かれています。CloudFormation はそれぞれ最後のものを使います` },
    line: 1,
  };
}

function duplicateKey(key: string, first: number | undefined, at: { line: number; col: number }): ParseWarning {
  const name = JSON.stringify(key.length > 80 ? `${key.slice(0, 80)}…` : key);
  return {
    code: 'duplicate-key',
    message: {
      en: `key ${name} is written twice in this mapping${first === undefined ? '' : ` (first on line ${first})`}: CloudFormation keeps this one and ignores the first; remove the one not meant`,
      ja: `キー ${name} が同じマッピングに 2 回書かれています${first === undefined ? '' : `（最初は ${first} 行目）`}。CloudFormation はこちらを使い、最初のものは無視します。意図しない方を削除してください`,
    },
    line: at.line,
    column: at.col,
  };
}
/** Tags CloudFormation does not take are each warned of up to this many; the rest are counted in one warning. */
const MAX_TAG_WARNINGS = 10;

function unknownTag(tag: string, at: { line: number; col: number }): ParseWarning {
  const name = tag.length > 80 ? `${tag.slice(0, 80)}…` : tag;
  return {
    code: 'unknown-tag',
    message: {
      en: `${name} is not a CloudFormation short-form function (!Ref, !Sub, !GetAtt, !If, …), so CloudFormation refuses the template as written; the value it tags is taken as not known before deployment. Expand it first with the tool it belongs to, or correct its spelling`,
      ja: `${name} は CloudFormation の短縮形の組み込み関数（!Ref、!Sub、!GetAtt、!If など）ではないため、このままでは CloudFormation がテンプレートを受け付けません。このタグが付いた値はデプロイ前には分からないものとして扱います。対応するツールで先に展開するか、綴りを直してください`,
    },
    line: at.line,
    column: at.col,
  };
}

function moreUnknownTags(count: number): ParseWarning {
  return {
    code: 'unknown-tag',
    message: {
      en: `${count} more values carry tags that are not CloudFormation short-form functions; each is taken as not known before deployment`,
      ja: `ほかにも ${count} 個の値に CloudFormation の短縮形の組み込み関数ではないタグが付いています。それぞれデプロイ前には分からないものとして扱います`,
    },
    line: 1,
  };
}

/**
 * The value of a tag CloudFormation does not take, as a function known only at deployment: what it
 * tags is not its plain content (`!Rain::Embed file.txt` is not the text `file.txt`).
 */
function notKnown(name: string, value: Json): Json {
  const fn = `Fn::${name}`;
  // `Fn::ForEach::Name` is a loop among an object's keys, not a function: keep the value a call.
  return { [fn.startsWith(FOR_EACH) ? 'Fn::ForEach' : fn]: value };
}

function scalarValue(v: unknown): Json {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  return String(v);
}

/** The long form of a short-form tag, as CloudFormation's own YAML reader expands it. */
function intrinsic(name: string, value: Json): Json {
  if (name === 'Ref' || name === 'Condition') return { [name]: value };
  if (name === 'GetAtt' && typeof value === 'string') {
    const dot = value.indexOf('.');
    return { 'Fn::GetAtt': dot === -1 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
  }
  return { [`Fn::${name}`]: value };
}

const UNCLOSED_QUOTE = /^Missing closing ["']quote/;

/** Where the quoted value left open before `end` starts: the last such quote not escaped inside a double-quoted one. */
function openingQuote(text: string, end: number, quote: '"' | "'"): number {
  let at = text.lastIndexOf(quote, end - 1);
  while (quote === '"' && at > 0 && text[at - 1] === '\\') at = text.lastIndexOf(quote, at - 1);
  return Math.max(at, 0);
}

/** The YAML library's messages (by their start) and error codes, said in Japanese for the operator who must fix the line. */
const JAPANESE_BY_MESSAGE: readonly (readonly [RegExp, string])[] = [
  [UNCLOSED_QUOTE, '引用符が閉じられていません'],
  [/^Missing , or : between/, '項目の間にカンマ（,）かコロン（:）がありません'],
  [/^Missing , between/, '項目の間にカンマ（,）がありません'],
  [/^Missing space after :/, 'コロン（:）の後に空白がありません'],
  [/^Implicit map keys need to be followed by map values/, 'キーの後に「: 値」がありません'],
  [/^Sequence item without - indicator/, 'リストの項目に「- 」がありません'],
  [/^Comments must be separated/, 'コメントの「#」の前には空白が必要です'],
  [/^Expected flow (map|sequence) to end with/, '{ } または [ ] が閉じられていません'],
];
const JAPANESE_BY_CODE: Readonly<Record<string, string>> = {
  TAB_AS_INDENT: 'インデントにタブ文字は使えません。スペースで字下げしてください',
  BAD_INDENT: 'インデント（字下げ）が揃っていません',
  UNEXPECTED_TOKEN: 'ここには書けない文字があります',
  BAD_DQ_ESCAPE: 'ダブルクォートで囲んだ文字列のエスケープ（\\）が正しくありません',
  BAD_SCALAR_START: '値をこの文字で始めることはできません。引用符で囲んでください',
  BLOCK_IN_FLOW: '{ } や [ ] の中にブロック形式の値は書けません',
  MULTILINE_IMPLICIT_KEY: 'キーを複数行にまたがって書くことはできません',
  BLOCK_AS_IMPLICIT_KEY: 'ブロック形式の値をキーにすることはできません',
  KEY_OVER_1024_CHARS: 'キーが 1024 文字を超えています',
  TAG_RESOLVE_FAILED: 'タグの値を解決できません',
};

function yamlErrorInJapanese(code: string, reason: string): string {
  return JAPANESE_BY_MESSAGE.find(([pattern]) => pattern.test(reason))?.[1] ?? JAPANESE_BY_CODE[code] ?? '書き方が正しくありません';
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
