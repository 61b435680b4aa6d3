import type { ResourceGraph } from '../graph/graph.js';
import type { ResourceNode, SchemaFamily } from '../graph/resource.js';
import { asList, getPath, isMap, joinPath, parseJsonShape, parseJsonText, Secret, Unknown, type PropertyValue } from '../graph/values.js';
import type { Evidence } from '../models/attr.js';
import { statementLabel } from '../models/aws/iam-queries.js';
import type { PolicyCondition, PolicyDocument, PolicyPrincipal, PolicyPurpose, PolicyStatement, PolicyString, PrincipalEntry } from '../models/aws/iam.js';
import { textOrUnknown } from './read.js';

/** Terraform's policy-document data source: a policy written as `policy = data.x.json`. */
const POLICY_DOCUMENT_DATA = ['aws_iam_policy_document'];

/**
 * The resources of OIDC identity providers, each with its URL in `url` (`Url`). CDK's
 * `iam.OpenIdConnectProvider` deploys its provider through a custom resource of its own.
 */
const OIDC_PROVIDER_TYPES: Readonly<Record<SchemaFamily, readonly string[]>> = {
  terraform: ['aws_iam_openid_connect_provider'],
  cloudformation: ['AWS::IAM::OIDCProvider', 'Custom::AWSCDKOpenIdConnectProvider'],
};

/** The URLs of the OIDC providers among the resources a value is computed from; `undefined` when there is none. */
type ProviderUrls = (value: Unknown) => readonly PolicyString[] | undefined;

/**
 * Reads the IAM policy document at `path` of `node`, however it is written: a JSON string
 * (Terraform `policy`, `jsonencode(...)`), an object (CloudFormation `PolicyDocument`, or a
 * `jsonencode(...)` in `.tf` source with parts known only at apply), or the document of a
 * `data.aws_iam_policy_document` it refers to (whose statements are then the evidence).
 */
export function readPolicyDocument(graph: ResourceGraph, node: ResourceNode, path: string, purpose: PolicyPurpose, name?: string): PolicyDocument {
  // The same document is read by several adapters (a bucket's policy by the bucket and by the
  // policy-document adapter): parse it once per scan.
  return graph.derived(node, `policy-document\u0000${path}\u0000${purpose}\u0000${name ?? ''}`, () => readDocument(graph, node, path, purpose, name));
}

/**
 * Reads a policy document held inside another value of `node` rather than at a property of its own
 * (the JSON request a CDK custom resource sends, whose `AccessPolicies` parameter is the document):
 * `value` is the document, `path` the property findings point at.
 */
export function readEmbeddedPolicyDocument(graph: ResourceGraph, node: ResourceNode, path: string, value: PropertyValue | undefined, purpose: PolicyPurpose): PolicyDocument {
  return readDocument(graph, node, path, purpose, undefined, value);
}

function readDocument(
  graph: ResourceGraph,
  node: ResourceNode,
  path: string,
  purpose: PolicyPurpose,
  name: string | undefined,
  written: PropertyValue | undefined = getPath(node.properties, path),
): PolicyDocument {
  const base = { resource: node, purpose, ...(name !== undefined && { name }) };
  let at: Evidence = { node, path };
  let value = written;
  // A document rendered from `.tf` source may be a structure with unknown parts rather than JSON text.
  const rendered = graph.referencedFrom(node, path, POLICY_DOCUMENT_DATA).find((d) => typeof d.properties['json'] === 'string' || isMap(d.properties['json']));
  if (rendered && (value instanceof Unknown || sameDocument(value, rendered.properties['json']))) {
    // The statements are written in the data source: that is where to change them.
    at = { node: rendered, path: 'json' };
    value = rendered.properties['json'];
  }
  const parsed = typeof value === 'string' ? parseJsonText(value) : value instanceof Unknown ? parseJsonShape(value) : value;
  if (!isMap(parsed)) return { ...base, at, statements: undefined };
  const statements = parsed['Statement'];
  if (statements instanceof Unknown) return { ...base, at, statements: undefined };
  // Inside a JSON string there are no lines: every statement points at the string itself.
  const inText = typeof value === 'string' || value instanceof Unknown;
  const listPath = joinPath(at.path, 'Statement');
  const pathOf = (index: number): string => (inText ? at.path : Array.isArray(statements) ? joinPath(listPath, index) : listPath);
  const urls = providerUrls(graph, at.node);
  return { ...base, at, statements: asList(statements).map((s, index) => readStatement(s, index, { node: at.node, path: pathOf(index) }, urls)) };
}

/** Looks up, once and only when asked, the OIDC providers `node` refers to. */
function providerUrls(graph: ResourceGraph, node: ResourceNode): ProviderUrls {
  let providers: ReadonlyMap<string, ResourceNode> | undefined;
  return (value) => {
    if (value.refs.length === 0) return undefined;
    providers ??= new Map(graph.referencedFrom(node, '', OIDC_PROVIDER_TYPES[node.family]).map((p) => [p.id, p]));
    const urls = value.refs.flatMap((id) => {
      const provider = providers!.get(id);
      if (!provider) return [];
      const url = getPath(provider.properties, 'url');
      return [typeof url === 'string' || url instanceof Unknown ? url : new Unknown([provider.id])];
    });
    return urls.length > 0 ? urls : undefined;
  };
}

/**
 * Whether two values hold the same document, however the JSON is spelled: a plan records the
 * policy as the provider normalises it (keys sorted, no white space), not as the data source
 * renders it.
 */
function sameDocument(a: PropertyValue | undefined, b: PropertyValue | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const x = parseJsonText(a);
  const y = parseJsonText(b);
  return x !== undefined && y !== undefined && canonicalJson(x) === canonicalJson(y);
}

const canonicalJson = (v: PropertyValue): string =>
  Array.isArray(v)
    ? `[${v.map(canonicalJson).join(',')}]`
    : isMap(v)
      ? `{${Object.keys(v)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k]!)}`)
          .join(',')}}`
      : JSON.stringify(v);

/**
 * A statement not known before deployment (`!If [Cond, {...}, !Ref AWS::NoValue]` on a parameter):
 * any of its elements may be anything, so every check of it is undecided rather than passed.
 */
function unknownStatement(index: number, at: Evidence): PolicyStatement {
  const unknown = [new Unknown()];
  const anyone = { any: false, entries: [{ type: 'AWS', value: new Unknown() }] };
  return { index, effect: undefined, actions: unknown, resources: unknown, principal: anyone, conditions: undefined, at };
}

function readStatement(s: PropertyValue, index: number, at: Evidence, urls: ProviderUrls): PolicyStatement {
  if (!isMap(s)) return unknownStatement(index, at);
  const effect = s['Effect'];
  const sid = s['Sid'];
  const valid = effect === 'Allow' || effect === 'Deny';
  const statement: { -readonly [K in keyof PolicyStatement]: PolicyStatement[K] } = {
    index,
    effect: valid ? effect : undefined,
    conditions: readConditions(s['Condition']),
    at,
  };
  if (typeof sid === 'string') statement.sid = sid;
  // AWS refuses a statement with no Effect or another than Allow and Deny: say so, rather than that
  // the document is of a shape the setting does not take. One not known yet (`!If`) is undecided.
  if (!valid && !(effect instanceof Unknown) && !(effect instanceof Secret)) {
    statement.at = { ...at, unreadable: { kind: 'no-effect', statement: statementLabel(statement), ...(typeof effect === 'string' && { effect }) } };
  }
  const lists = { Action: 'actions', NotAction: 'notActions', Resource: 'resources', NotResource: 'notResources' } as const;
  for (const [key, field] of Object.entries(lists)) {
    if (s[key] !== undefined) statement[field] = strings(s[key]);
  }
  if (s['Principal'] !== undefined) statement.principal = readPrincipal(s['Principal'], urls);
  if (s['NotPrincipal'] !== undefined) statement.notPrincipal = readPrincipal(s['NotPrincipal'], urls);
  return statement;
}

/**
 * Elements of a string-or-list field. IAM compares numbers and booleans as their text
 * (`aws:SecureTransport: false` in YAML is `"false"`); anything else is kept as unknown.
 */
function strings(v: PropertyValue | undefined): PolicyString[] {
  if (v instanceof Unknown) return [v];
  return asList(v).map((x) => (typeof x === 'number' || typeof x === 'boolean' ? String(x) : textOrUnknown(x)));
}

function readPrincipal(v: PropertyValue, urls: ProviderUrls): PolicyPrincipal {
  if (v === '*') return { any: true, entries: [] };
  if (!isMap(v)) return { any: false, entries: [{ type: 'AWS', value: typeof v === 'string' ? v : new Unknown() }] };
  const entries: PrincipalEntry[] = [];
  for (const [type, values] of Object.entries(v)) {
    for (const value of strings(values)) {
      const oidcProviderUrls = type === 'Federated' && value instanceof Unknown ? urls(value) : undefined;
      entries.push(oidcProviderUrls ? { type, value, oidcProviderUrls } : { type, value });
    }
  }
  return { any: false, entries };
}

function readConditions(v: PropertyValue | undefined): PolicyCondition[] | undefined {
  if (v === undefined || v === null) return [];
  if (!isMap(v)) return undefined;
  const out: PolicyCondition[] = [];
  for (const [operator, entries] of Object.entries(v)) {
    if (!isMap(entries)) return undefined;
    for (const [key, values] of Object.entries(entries)) out.push({ operator, key, values: strings(values) });
  }
  return out;
}
