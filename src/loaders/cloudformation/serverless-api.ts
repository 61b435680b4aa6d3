import { childEntry, childrenOf, lineOfEntry, type LineEntry } from '../../graph/resource.js';
import { setOwn } from '../../graph/values.js';
import type { Json } from '../json-with-lines.js';
import type { TemplateResource } from './for-each.js';
import { isMapping, isObject, type JsonObject } from './json-object.js';

/** The APIs SAM makes for events that name none. */
export const IMPLICIT_API = { rest: 'ServerlessRestApi', http: 'ServerlessHttpApi' } as const;

/** An `Api` or `HttpApi` event of a function or state machine: one method SAM adds to an API's definition. */
export interface ApiEvent {
  readonly kind: 'rest' | 'http';
  /** The logical ID of the API: the one `RestApiId`/`ApiId` refers to, else the implicit API's. */
  readonly api: string;
  readonly path: string;
  /** The method's key in an OpenAPI path item (`get`, `x-amazon-apigateway-any-method`). */
  readonly method: string;
  /** The event's `Auth`. */
  readonly auth: JsonObject;
  readonly line: number | undefined;
  readonly authLine: number | undefined;
}

const ANY_METHOD = 'x-amazon-apigateway-any-method';
const INTEGRATION = 'x-amazon-apigateway-integration';
const methodKey = (method: string): string => (method.toLowerCase() === 'any' ? ANY_METHOD : method.toLowerCase());

/** The logical ID an event's `RestApiId`/`ApiId` names (`!Ref MyApi`); `undefined` for any other value. */
function apiNamed(value: Json | undefined): string | undefined {
  if (typeof value === 'string') return value;
  return isObject(value) && typeof value['Ref'] === 'string' ? value['Ref'] : undefined;
}

/**
 * The `Api` and `HttpApi` events of the templates' functions and state machines, by the API they
 * add a method to. An event whose API, path or method is computed (an intrinsic function) is left
 * out: which method it makes is not known.
 */
export function apiEvents(resources: readonly TemplateResource[]): Map<string, ApiEvent[]> {
  const out = new Map<string, ApiEvent[]>();
  for (const r of resources) {
    const resource = isObject(r.resource) ? r.resource : {};
    if (resource['Type'] !== 'AWS::Serverless::Function' && resource['Type'] !== 'AWS::Serverless::StateMachine') continue;
    const props = isObject(resource['Properties']) ? resource['Properties'] : {};
    if (!isMapping(props['Events'])) continue;
    for (const [name, event] of Object.entries(props['Events'])) {
      if (!isObject(event) || (event['Type'] !== 'Api' && event['Type'] !== 'HttpApi')) continue;
      const kind = event['Type'] === 'Api' ? 'rest' : 'http';
      const p = isMapping(event['Properties']) ? event['Properties'] : {};
      const written = p[kind === 'rest' ? 'RestApiId' : 'ApiId'];
      const api = written === undefined ? IMPLICIT_API[kind] : apiNamed(written);
      // An HTTP API event without a path or method is the API's `$default` route, for any method.
      const path = p['Path'] ?? (kind === 'http' ? '$default' : undefined);
      const method = p['Method'] ?? (kind === 'http' ? 'any' : undefined);
      if (api === undefined || typeof path !== 'string' || typeof method !== 'string') continue;
      const at = `Properties.Events.${name}`;
      const list = out.get(api) ?? [];
      list.push({ kind, api, path, method: methodKey(method), auth: isMapping(p['Auth']) ? p['Auth'] : {}, line: r.lines.get(at) ?? r.line, authLine: r.lines.get(`${at}.Properties.Auth`) });
      out.set(api, list);
    }
  }
  return out;
}

/** An OpenAPI definition made for a SAM API, with the lines of what it was made from. */
export interface ApiDefinition {
  readonly body: JsonObject;
  readonly lines: LineEntry;
}

/** Where the SAM API's settings are written: a line entry by path below `Properties`. */
export type EntryOf = (path: string) => LineEntry | undefined;

/**
 * The OpenAPI definition SAM deploys for an `AWS::Serverless::Api` or `AWS::Serverless::HttpApi`:
 * its `DefinitionBody` (or an empty one), with a method for each event that adds one, and `Auth`
 * applied as SAM applies it — an event's `Authorizer` (`NONE` keeps the method open), then
 * `DefaultAuthorizer` and `ApiKeyRequired` on every method of the definition without its own, the
 * authorizers as security schemes, and `ResourcePolicy` as the API's resource policy.
 * `undefined` where SAM cannot edit the definition: one read from `DefinitionUri` or included
 * with `Fn::Transform`, which is then deployed as written.
 */
export function apiDefinition(kind: 'rest' | 'http', props: JsonObject, events: readonly ApiEvent[], entry: EntryOf, line: number): ApiDefinition | undefined {
  const written = props['DefinitionBody'];
  if (written === undefined ? props['DefinitionUri'] !== undefined : !isMapping(written)) return undefined;
  const base: JsonObject = isMapping(written) ? written : kind === 'rest' ? { swagger: '2.0', info: {}, paths: {} } : { openapi: '3.0.1', info: {}, paths: {} };
  const baseLines = written === undefined ? undefined : entry('DefinitionBody');
  const paths = new Paths(base['paths'], childEntry(childrenOf(baseLines), 'paths'));
  for (const event of events) paths.addEvent(event);
  const auth = isMapping(props['Auth']) ? props['Auth'] : {};
  const authorizers = isMapping(auth['Authorizers']) ? auth['Authorizers'] : {};
  const schemes: JsonObject = {};
  for (const [name, authorizer] of Object.entries(authorizers)) if (isObject(authorizer)) setOwn(schemes, name, authorizerScheme(kind, authorizer));
  const byDefault = typeof auth['DefaultAuthorizer'] === 'string' ? auth['DefaultAuthorizer'] : undefined;
  if (byDefault === 'AWS_IAM' || (kind === 'http' && auth['EnableIamAuthorizer'] === true) || paths.uses('AWS_IAM')) schemes['AWS_IAM'] = IAM_SCHEME;
  if (byDefault !== undefined) paths.setDefaultAuthorizer(byDefault, new Set(['AWS_IAM', ...Object.keys(authorizers)]), lineOfEntry(entry('Auth.DefaultAuthorizer')) ?? line);
  if (kind === 'rest' && auth['ApiKeyRequired'] === true) paths.requireApiKey(lineOfEntry(entry('Auth.ApiKeyRequired')) ?? line);
  if (paths.uses(API_KEY)) schemes[API_KEY] = API_KEY_SCHEME;

  const body: JsonObject = { ...base, paths: paths.value };
  const bodyLines: { [key: string]: LineEntry } = { ...(childrenOf(baseLines) as { [key: string]: LineEntry }), paths: paths.lines(lineOfEntry(baseLines) ?? line) };
  if (Object.keys(schemes).length > 0) {
    if ('openapi' in base) {
      const components = isMapping(base['components']) ? base['components'] : {};
      body['components'] = { ...components, securitySchemes: { ...(isMapping(components['securitySchemes']) ? components['securitySchemes'] : {}), ...schemes } };
    } else {
      body['securityDefinitions'] = { ...(isMapping(base['securityDefinitions']) ? base['securityDefinitions'] : {}), ...schemes };
    }
  }
  const policy = kind === 'rest' ? resourcePolicy(auth['ResourcePolicy']) : undefined;
  if (policy !== undefined) {
    body['x-amazon-apigateway-policy'] = policy;
    const at = entry('Auth.ResourcePolicy');
    if (at !== undefined) bodyLines['x-amazon-apigateway-policy'] = at;
  }
  return { body, lines: [lineOfEntry(baseLines) ?? line, bodyLines] };
}

const IAM_SCHEME: JsonObject = { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' };
const API_KEY = 'api_key';
const API_KEY_SCHEME: JsonObject = { type: 'apiKey', name: 'x-api-key', in: 'header' };
/** What SAM writes for an event's `Authorizer: NONE`: a requirement naming no scheme, which no default replaces. */
const NONE = 'NONE';

/** A SAM authorizer as the security scheme SAM defines for it: what kind of authorizer it is is what is read. */
function authorizerScheme(kind: 'rest' | 'http', authorizer: JsonObject): JsonObject {
  if (kind === 'http') {
    const type = authorizer['JwtConfiguration'] !== undefined ? 'jwt' : 'request';
    return { type: type === 'jwt' ? 'oauth2' : 'apiKey', 'x-amazon-apigateway-authorizer': { type } };
  }
  if (authorizer['UserPoolArn'] !== undefined) {
    return { type: 'apiKey', 'x-amazon-apigateway-authtype': 'cognito_user_pools', 'x-amazon-apigateway-authorizer': { type: 'cognito_user_pools', providerARNs: [authorizer['UserPoolArn']!] } };
  }
  const payload = typeof authorizer['FunctionPayloadType'] === 'string' ? authorizer['FunctionPayloadType'].toLowerCase() : 'token';
  return { type: 'apiKey', 'x-amazon-apigateway-authtype': 'custom', 'x-amazon-apigateway-authorizer': { type: payload } };
}

/** The `paths` of a definition being edited, with their lines. */
class Paths {
  readonly value: JsonObject;
  /** The lines of each path item, by path: the item's line and its methods'. */
  private readonly itemLines = new Map<string, [number, { [method: string]: LineEntry }]>();

  constructor(written: Json | undefined, private readonly writtenLines: LineEntry | undefined) {
    this.value = isMapping(written) ? { ...written } : {};
    const children = childrenOf(writtenLines);
    for (const [path, item] of Object.entries(this.value)) {
      const lines = childEntry(children, path);
      if (lines !== undefined) this.itemLines.set(path, [lineOfEntry(lines)!, { ...(childrenOf(lines) as { [method: string]: LineEntry }) }]);
      if (isMapping(item)) setOwn(this.value, path, { ...item });
    }
  }

  /** The methods of editable path items, with where each is written. */
  private *methods(): Generator<[JsonObject, string, JsonObject, { [method: string]: LineEntry } | undefined]> {
    for (const [path, item] of Object.entries(this.value)) {
      if (!isMapping(item)) continue;
      for (const [method, op] of Object.entries(item)) if (isMapping(op) && (method === ANY_METHOD || HTTP_METHODS.has(method))) yield [item, method, op, this.itemLines.get(path)?.[1]];
    }
  }

  /**
   * Adds the method an event makes with the event's `Auth`. A method the definition holds with an
   * integration is kept as written (SAM refuses the template); one without gets the event's.
   */
  addEvent(event: ApiEvent): void {
    const line = event.line ?? 0;
    const written = this.value[event.path];
    if (written !== undefined && !isMapping(written)) return;
    const item = written ?? {};
    const existing = item[event.method];
    if (existing !== undefined && (!isMapping(existing) || existing[INTEGRATION] !== undefined)) return;
    const security: Json[] = [];
    const authorizer = event.auth['Authorizer'];
    if (typeof authorizer === 'string') security.push({ [authorizer]: [] });
    if (event.auth['ApiKeyRequired'] === true) security.push({ [API_KEY]: [] });
    if (event.auth['ApiKeyRequired'] === false) security.push({ [NO_API_KEY]: [] });
    setOwn(item, event.method, { ...existing, [INTEGRATION]: {}, ...(security.length > 0 && { security }) });
    setOwn(this.value, event.path, item);
    const lines = this.itemLines.get(event.path) ?? [line, {}];
    const own = lines[1][event.method];
    const children = { ...(childrenOf(own) as { [key: string]: LineEntry }), ...(security.length > 0 && { security: event.authLine ?? line }) };
    setOwn(lines[1], event.method, [lineOfEntry(own) ?? line, children]);
    this.itemLines.set(event.path, lines);
  }

  /** Whether some method's security names `scheme`. */
  uses(scheme: string): boolean {
    for (const [, , op] of this.methods()) if (requirementNames(op['security']).includes(scheme)) return true;
    return false;
  }

  /** SAM's `DefaultAuthorizer`: on every method that names none of the API's authorizers and is not `NONE`. */
  setDefaultAuthorizer(name: string, authorizers: ReadonlySet<string>, line: number): void {
    for (const [item, method, op, lines] of this.methods()) {
      const names = requirementNames(op['security']);
      if (names.includes(NONE) || names.some((n) => authorizers.has(n))) continue;
      this.setSecurity(item, method, op, lines, [...securityList(op['security']), { [name]: [] }], line);
    }
  }

  /** SAM's `ApiKeyRequired` on the API: an API key on every method whose event does not say otherwise. */
  requireApiKey(line: number): void {
    for (const [item, method, op, lines] of this.methods()) {
      const names = requirementNames(op['security']);
      if (names.includes(API_KEY) || names.includes(NO_API_KEY)) continue;
      this.setSecurity(item, method, op, lines, [...securityList(op['security']), { [API_KEY]: [] }], line);
    }
  }

  private setSecurity(item: JsonObject, method: string, op: JsonObject, lines: { [method: string]: LineEntry } | undefined, security: Json[], line: number): void {
    setOwn(item, method, { ...op, security });
    if (lines === undefined) return;
    const own = lines[method];
    setOwn(lines, method, [lineOfEntry(own) ?? line, { ...(childrenOf(own) as { [key: string]: LineEntry }), security: childEntry(childrenOf(own), 'security') ?? line }]);
  }

  /** The line entry of `paths`. */
  lines(fallback: number): LineEntry {
    const children: { [path: string]: LineEntry } = {};
    for (const [path, entry] of this.itemLines) setOwn(children, path, entry);
    return [lineOfEntry(this.writtenLines) ?? fallback, children];
  }
}

/** What SAM writes for an event's `ApiKeyRequired: false`, which keeps the API's default from the method. */
const NO_API_KEY = 'api_key_false';

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

const securityList = (security: Json | undefined): Json[] => (Array.isArray(security) ? security : []);

/** The scheme names a method's security requirements name. */
function requirementNames(security: Json | undefined): string[] {
  return securityList(security).flatMap((r) => (isMapping(r) ? Object.keys(r) : []));
}

const INVOKE = 'execute-api:Invoke';
const ALL_METHODS = ['execute-api:/*'];

/**
 * SAM's `ResourcePolicy` as the policy document it writes: `CustomStatements` as they are, each
 * allow list as an Allow for everyone with a Deny outside the list, each block list as an Allow for
 * everyone with a Deny inside it. `undefined` without one.
 */
function resourcePolicy(written: Json | undefined): JsonObject | undefined {
  if (!isMapping(written)) return undefined;
  const statements: Json[] = [];
  const custom = written['CustomStatements'];
  if (custom !== undefined) statements.push(...(Array.isArray(custom) ? custom : [custom]));
  const allowAll = (): JsonObject => ({ Effect: 'Allow', Principal: '*', Action: INVOKE, Resource: ALL_METHODS });
  const deny = (condition: JsonObject): JsonObject => ({ Effect: 'Deny', Principal: '*', Action: INVOKE, Resource: ALL_METHODS, Condition: condition });
  const ips = (key: string): Json | undefined => written[key];
  if (ips('IpRangeWhitelist') !== undefined) statements.push(allowAll(), deny({ NotIpAddress: { 'aws:SourceIp': ips('IpRangeWhitelist')! } }));
  if (ips('IpRangeBlacklist') !== undefined) statements.push(allowAll(), deny({ IpAddress: { 'aws:SourceIp': ips('IpRangeBlacklist')! } }));
  for (const [key, condition] of [
    ['SourceVpcWhitelist', 'StringNotEquals'],
    ['IntrinsicVpcWhitelist', 'StringNotEquals'],
    ['IntrinsicVpceWhitelist', 'StringNotEquals'],
    ['SourceVpcBlacklist', 'StringEquals'],
    ['IntrinsicVpcBlacklist', 'StringEquals'],
    ['IntrinsicVpceBlacklist', 'StringEquals'],
  ] as const) {
    const list = written[key];
    if (list === undefined) continue;
    // `vpce-…` names an endpoint, anything else a VPC; the Intrinsic lists say which they hold.
    const values = Array.isArray(list) ? list : [list];
    const endpoints = key.startsWith('IntrinsicVpce') ? values : key.startsWith('Intrinsic') ? [] : values.filter((v) => typeof v === 'string' && v.startsWith('vpce-'));
    const vpcs = values.filter((v) => !endpoints.includes(v));
    statements.push(allowAll());
    if (vpcs.length > 0) statements.push(deny({ [condition]: { 'aws:SourceVpc': vpcs } }));
    if (endpoints.length > 0) statements.push(deny({ [condition]: { 'aws:SourceVpce': endpoints } }));
  }
  if (written['AwsAccountWhitelist'] !== undefined) statements.push({ Effect: 'Allow', Principal: { AWS: written['AwsAccountWhitelist']! }, Action: INVOKE, Resource: ALL_METHODS });
  if (written['AwsAccountBlacklist'] !== undefined) statements.push(allowAll(), { Effect: 'Deny', Principal: { AWS: written['AwsAccountBlacklist']! }, Action: INVOKE, Resource: ALL_METHODS });
  return statements.length > 0 ? { Version: '2012-10-17', Statement: statements } : undefined;
}
