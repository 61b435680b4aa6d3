import { isMap, isWhollyKnown, parseJsonShape, Unknown, type PropertyMap } from '../../graph/values.js';
import { goEscape } from './functions.js';
import { compareStrings, mapOf, unknownFrom, type Value } from './value.js';

/**
 * `data "aws_iam_policy_document"` rendered as the AWS provider renders it (v5,
 * `policy_document_data_source.go` and `policy_model.go`): `Version` (default 2012-10-17), `Id`,
 * then `Statement` with `Sid`, `Effect` (default Allow), `Action`, `NotAction`, `Resource`,
 * `NotResource`, `Principal`, `NotPrincipal`, `Condition`; a one-element set written as a string,
 * longer ones sorted in reverse; `&{var}` written `${var}`; a single `*` principal of type `*`
 * written `"*"`; `source_policy_documents` merged first and `override_policy_documents` last, a
 * statement replacing an earlier one with the same `Sid`.
 *
 * `json` is the JSON text when every part is known. Otherwise it is the document as a structure
 * with the unknown parts in place, which the IAM reader reads like a CloudFormation document. A
 * source or override document known only in part (JSON text with ARNs known only at apply) gives
 * its statements with those parts unknown; one nothing is known of (or a list of them known only
 * at apply) gives a statement nothing is known of, so that a policy says unknown rather than
 * finding no statement. An override document's statements replace earlier ones by `Sid`: where a
 * `Sid` is known only at apply, the earlier statements it may replace are unknown.
 */
export function renderPolicyDocument(props: PropertyMap): { json: Value; minified: Value } {
  const version = props['version'] ?? '2012-10-17';
  let doc: Doc = { version: '', id: undefined, statements: [] };
  // Source documents with the same Sid are an error in the provider: one cannot replace another.
  for (const source of listOf(props['source_policy_documents'])) doc = merge(doc, parseDocument(source), false);
  const own: Doc = { version, id: props['policy_id'] ?? undefined, statements: listOf(props['statement']).map((s) => configStatement(s)) };
  doc = merge(doc, own, true);
  for (const override of listOf(props['override_policy_documents'])) doc = merge(doc, parseDocument(override), true);

  const fields: [string, Value][] = [];
  if (doc.version !== '') fields.push(['Version', doc.version]);
  if (doc.id !== undefined && doc.id !== '' && doc.id !== null) fields.push(['Id', doc.id]);
  if (doc.statements.length > 0) fields.push(['Statement', [...doc.statements]]);
  const rendered = mapOf(fields);
  if (!isWhollyKnown(rendered)) return { json: rendered, minified: rendered };
  return { json: goEscape(JSON.stringify(rendered, null, 2)), minified: goEscape(JSON.stringify(rendered)) };
}

interface Doc {
  readonly version: Value;
  readonly id: Value | undefined;
  /** Statements: maps, or an `Unknown` for a statement nothing is known of. */
  readonly statements: readonly Value[];
}

/** The elements of a list argument; a value that is not a list (known only at apply) stands for one element. */
function listOf(v: Value | undefined): Value[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v.filter((x) => x !== null) : [v];
}

/** A statement's `Sid`: `''` for none, `undefined` where only apply tells. */
function sidOf(s: Value): string | undefined {
  if (!isMap(s)) return undefined;
  const sid = s['Sid'];
  return sid === undefined || sid === null ? '' : typeof sid === 'string' ? sid : undefined;
}

/**
 * The provider's Merge: adopt Id, upgrade Version, replace statements by Sid, append the rest.
 * Where `replaces`, a statement whose Sid only apply tells may replace any earlier one with a Sid,
 * and one with a known Sid any earlier one whose Sid only apply tells: those become unknown.
 */
function merge(base: Doc, next: Doc, replaces: boolean): Doc {
  const statements = [...base.statements];
  for (const s of next.statements) {
    const sid = sidOf(s);
    if (replaces && sid !== '') {
      for (const [i, x] of statements.entries()) {
        const other = sidOf(x);
        if (other !== '' && (sid === undefined || other === undefined)) statements[i] = unknownStatement(x);
      }
    }
    const at = sid !== undefined && sid !== '' ? statements.findIndex((x) => sidOf(x) === sid) : -1;
    if (at >= 0) statements[at] = s;
    else statements.push(s);
  }
  const version = typeof next.version === 'string' && typeof base.version === 'string' ? (next.version > base.version ? next.version : base.version) : next.version;
  const id = next.id !== undefined && next.id !== '' && next.id !== null ? next.id : base.id;
  return { version, id, statements };
}

/**
 * A `source_`/`override_policy_documents` entry: JSON text, a document still partly unknown (a
 * rendered document's structure, or JSON text with holes), or one nothing is known of. What a
 * document nothing is known of does to Version and Id is not followed: no policy reads them.
 */
function parseDocument(v: Value): Doc {
  let parsed: Value | undefined = v;
  if (typeof v === 'string') {
    try {
      parsed = JSON.parse(v) as Value;
    } catch {
      // The provider refuses it: the document is not known.
      parsed = undefined;
    }
  } else if (v instanceof Unknown) {
    parsed = parseJsonShape(v);
  }
  if (!isMap(parsed)) return { version: '', id: undefined, statements: [unknownStatement(v)] };
  const statements = parsed['Statement'];
  const list = Array.isArray(statements) ? statements : statements === undefined || statements === null ? [] : [statements];
  return {
    version: parsed['Version'] ?? '',
    id: parsed['Id'],
    statements: list.map((s) => (isMap(s) ? jsonStatement(s) : unknownStatement(s))),
  };
}

/** A statement nothing is known of (any of its parts may be anything), from what it was made of. */
function unknownStatement(v: Value): Unknown {
  return unknownFrom([v]);
}

/** A statement from JSON, re-rendered as the provider's model re-renders it (principals sorted). */
function jsonStatement(s: PropertyMap): PropertyMap {
  const principals = (v: Value | undefined): Value | undefined => {
    if (v === undefined || v === null || typeof v === 'string') return v === undefined || v === null ? undefined : '*';
    if (!isMap(v)) return v;
    return mapOf(
      Object.keys(v)
        .sort(compareStrings)
        .map((k) => [k, Array.isArray(v[k]) ? reverseSorted(v[k] as Value[]) : v[k]!]),
    );
  };
  return statement({
    sid: s['Sid'],
    effect: s['Effect'],
    actions: s['Action'],
    notActions: s['NotAction'],
    resources: s['Resource'],
    notResources: s['NotResource'],
    principal: principals(s['Principal']),
    notPrincipal: principals(s['NotPrincipal']),
    condition: isMap(s['Condition']) ? sortMap(s['Condition']) : s['Condition'],
  });
}

/** A `statement` block of the data source. */
function configStatement(block: Value): Value {
  if (!isMap(block)) return unknownStatement(block);
  const strings = (v: Value | undefined, vars: boolean): Value | undefined => {
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v)) return v; // unknown, or not a list at all
    const set = v.filter((x, i) => !v.slice(0, i).some((y) => y === x));
    if (set.length === 0) return undefined;
    const decoded = set.length === 1 ? set[0]! : reverseSorted(set);
    return vars ? replaceVars(decoded) : decoded;
  };
  const effect = block['effect'];
  return statement({
    sid: block['sid'],
    effect: effect === undefined || effect === null ? 'Allow' : effect,
    actions: strings(block['actions'], false),
    notActions: strings(block['not_actions'], false),
    resources: strings(block['resources'], true),
    notResources: strings(block['not_resources'], true),
    principal: principalSet(block['principals'], (v) => strings(v, true)),
    notPrincipal: principalSet(block['not_principals'], (v) => strings(v, true)),
    condition: conditionSet(block['condition']),
  });
}

interface StatementParts {
  readonly sid: Value | undefined;
  readonly effect: Value | undefined;
  readonly actions: Value | undefined;
  readonly notActions: Value | undefined;
  readonly resources: Value | undefined;
  readonly notResources: Value | undefined;
  readonly principal: Value | undefined;
  readonly notPrincipal: Value | undefined;
  readonly condition: Value | undefined;
}

/** The statement's fields in the provider's order, empty ones left out (`omitempty`). */
function statement(p: StatementParts): PropertyMap {
  const fields: [string, Value | undefined][] = [
    ['Sid', p.sid === '' ? undefined : p.sid],
    ['Effect', p.effect === '' ? undefined : p.effect],
    ['Action', p.actions],
    ['NotAction', p.notActions],
    ['Resource', p.resources],
    ['NotResource', p.notResources],
    ['Principal', p.principal],
    ['NotPrincipal', p.notPrincipal],
    ['Condition', p.condition],
  ];
  return mapOf(fields.filter((f): f is [string, Value] => f[1] !== undefined && f[1] !== null));
}

function principalSet(blocks: Value | undefined, identifiers: (v: Value | undefined) => Value | undefined): Value | undefined {
  if (blocks === undefined || blocks === null) return undefined;
  if (!Array.isArray(blocks)) return blocks;
  if (blocks.length === 0) return undefined;
  const entries = blocks.map((b): { type: Value; ids: Value | undefined } => (isMap(b) ? { type: b['type'] ?? null, ids: identifiers(b['identifiers']) } : { type: new Unknown(), ids: undefined }));
  const [only] = entries;
  if (entries.length === 1 && only && only.type === '*' && only.ids === '*') return '*';
  const raw = new Map<string, Value[] | Value>();
  const unknown: Value[] = [];
  for (const { type, ids } of entries) {
    if (typeof type !== 'string') {
      unknown.push(type, ids ?? null);
      continue;
    }
    const existing = raw.get(type);
    if (Array.isArray(ids)) raw.set(type, [...(existing === undefined ? [] : Array.isArray(existing) ? existing : [existing]), ...ids]);
    else if (ids !== undefined) raw.set(type, existing === undefined ? ids : [...(Array.isArray(existing) ? existing : [existing]), ids]);
  }
  if (unknown.length > 0) return new Unknown(unknown.flatMap((u) => (u instanceof Unknown ? [...u.refs] : [])));
  return mapOf([...raw.keys()].sort(compareStrings).map((k) => [k, raw.get(k)!]));
}

function conditionSet(blocks: Value | undefined): Value | undefined {
  if (blocks === undefined || blocks === null) return undefined;
  if (!Array.isArray(blocks)) return blocks;
  if (blocks.length === 0) return undefined;
  const tests = new Map<string, Map<string, Value[]>>();
  for (const b of blocks) {
    if (!isMap(b) || typeof b['test'] !== 'string' || typeof b['variable'] !== 'string') return new Unknown();
    const values = b['values'];
    const byVariable = tests.get(b['test']) ?? new Map<string, Value[]>();
    tests.set(b['test'], byVariable);
    const list = Array.isArray(values) ? values.map(replaceVars) : [values === undefined || values === null ? new Unknown() : replaceVars(values)];
    byVariable.set(b['variable'], [...(byVariable.get(b['variable']) ?? []), ...list]);
  }
  return mapOf(
    [...tests.keys()].sort(compareStrings).map((test) => {
      const vars = tests.get(test)!;
      return [test, mapOf([...vars.keys()].sort(compareStrings).map((v) => [v, vars.get(v)!.length === 1 ? vars.get(v)![0]! : vars.get(v)!]))];
    }),
  );
}

function sortMap(m: PropertyMap): PropertyMap {
  return mapOf(
    Object.keys(m)
      .sort(compareStrings)
      .map((k): [string, Value] => {
      const v = m[k]!;
      return [k, isMap(v) ? sortMap(v) : v];
    }),
  );
}

/** Known strings sorted in reverse, as the provider writes a set; unknown elements kept after them. */
function reverseSorted(values: readonly Value[]): Value[] {
  const known = values.filter((v): v is string => typeof v === 'string').sort(compareStrings).reverse();
  return [...known, ...values.filter((v) => typeof v !== 'string')];
}

/** `&{aws:username}` is how HCL writes the IAM policy variable `${aws:username}`. */
function replaceVars(v: Value): Value {
  if (typeof v === 'string') return v.replaceAll('&{', '${');
  if (Array.isArray(v)) return v.map(replaceVars);
  if (v instanceof Unknown && v.shape !== undefined) return new Unknown(v.refs, v.shape.replaceAll('&{', '${'));
  return v;
}
