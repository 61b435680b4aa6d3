import type { ResourceGraph } from '../graph/graph.js';
import type { ResourceNode, SchemaFamily } from '../graph/resource.js';
import { getPath, isMap, parseJsonShape, parseJsonText, Unknown, type PropertyMap, type PropertyValue } from '../graph/values.js';
import type { Attr, Evidence } from '../models/attr.js';
import type { ApiRoute } from '../models/aws/apigateway.js';
import { limitsCallers } from '../models/aws/iam-queries.js';
import { defineAdapter, type Adapter } from './adapter.js';
import { isSet } from './configured.js';
import { readPolicyDocument } from './iam-document.js';
import { targetsOf } from './join.js';
import { bool, mapValue, read, readComputed, str, strList, unknownAt } from './read.js';

/** Where one provider schema writes what `ApiRoute` needs. */
export interface ApiRouteSchema {
  readonly restApis: readonly string[];
  /** The REST API's id attribute (`id`, `RestApiId`), its endpoint types, resource policy and OpenAPI definition. */
  readonly restApi: { readonly id: string; readonly name: string; readonly endpointTypes: string; readonly policy: string } & ApiDefinitionSchema;
  /** Separate resource policies of a REST API (`aws_api_gateway_rest_api_policy`). */
  readonly restApiPolicies: readonly { readonly type: string; readonly api: string; readonly policy: string }[];
  readonly methods: string;
  readonly method: {
    readonly api: string;
    readonly resource: string;
    readonly httpMethod: string;
    readonly authorization: string;
    /** What the provider applies when `authorization` is left out (CloudFormation: NONE); none where it is required. */
    readonly authorizationDefault?: string;
    readonly apiKeyRequired: string;
  };
  /** REST API resources (path segments) and how they chain to the API's root. */
  readonly resources: string;
  readonly resource: { readonly parent: string; readonly pathPart: string };
  readonly v2Apis: readonly string[];
  /** An HTTP or WebSocket API; `target` and `routeKey` are quick create's (an HTTP API made with one integration and one route). */
  readonly v2Api: { readonly id: string; readonly name: string; readonly protocol: string; readonly target: string; readonly routeKey: string } & ApiDefinitionSchema;
  readonly routes: string;
  readonly route: { readonly api: string; readonly routeKey: string; readonly authorization: string; readonly apiKeyRequired: string };
}

/** Where an API's OpenAPI definition is written: inline (`Body`, `body`) or as a file in S3 (`BodyS3Location`). */
interface ApiDefinitionSchema {
  readonly body: string;
  readonly bodyLocation?: string;
}

/**
 * REST API methods and HTTP/WebSocket API routes, with what decides whether anyone may call them:
 * those written as resources and those an API's OpenAPI definition holds.
 */
export function apiRouteAdapter(family: SchemaFamily, schema: ApiRouteSchema): Adapter<'aws.apigateway.Route'> {
  return defineAdapter({
    kind: 'aws.apigateway.Route',
    family,
    adapt: (graph) => [
      ...graph.ofType(schema.methods).filter(managed).map((node) => restMethod(graph, schema, node)),
      ...graph.ofType(schema.routes).filter(managed).map((node) => v2Route(graph, schema, node)),
      ...schema.restApis.flatMap((type) => graph.ofType(type).filter(managed).flatMap((api) => definedRoutes(graph, schema, api, 'rest'))),
      ...schema.v2Apis.flatMap((type) => graph.ofType(type).filter(managed).flatMap((api) => [...definedRoutes(graph, schema, api, 'http'), ...quickCreatedRoute(schema, api)])),
    ],
  });
}

const managed = (node: ResourceNode): boolean => node.mode === 'managed';

/** The API's name, for messages, where it is known. */
function apiName(api: ResourceNode | undefined, path: string): { apiName?: string } {
  const name = api && read(api, path, str).value;
  return name === undefined ? {} : { apiName: name };
}

/** What a route takes from its API itself, for the routes its definition holds: its name, and a REST API's endpoint and resource policy. */
function fromApi(graph: ResourceGraph, schema: ApiRouteSchema, api: ResourceNode, kind: 'rest' | 'http'): Pick<ApiRoute, 'apiName' | 'privateEndpoint' | 'callersLimited'> {
  return {
    ...apiName(api, (kind === 'rest' ? schema.restApi : schema.v2Api).name),
    ...(kind === 'rest' && { privateEndpoint: restApiPrivate(api, schema.restApi.endpointTypes), callersLimited: restApiCallersLimited(graph, schema, api) }),
  };
}

/** The HTTP method of a v2 route key (`GET /orders`); none for `$default` or a WebSocket route. */
function routeKeyMethod(route: Attr<string>): string | undefined {
  const space = route.value?.indexOf(' ') ?? -1;
  return space > 0 ? route.value?.slice(0, space).toUpperCase() : undefined;
}

function restMethod(graph: ResourceGraph, schema: ApiRouteSchema, node: ResourceNode): ApiRoute {
  const m = schema.method;
  const api = targetsOf(graph, node, m.api, schema.restApis, schema.restApi.id).find(managed);
  const verb = read(node, m.httpMethod, str);
  const httpMethod = verb.value?.toUpperCase();
  const path = resourcePath(graph, schema, node);
  const route: Attr<string> = { ...verb, value: httpMethod === undefined ? path : path === undefined ? httpMethod : `${httpMethod} ${path}` };
  const missing: Evidence = { node, path: m.api };
  return {
    resource: node,
    api: 'rest',
    ...apiName(api, schema.restApi.name),
    route,
    httpMethod,
    authorization: read(node, m.authorization, str, m.authorizationDefault),
    apiKeyRequired: read(node, m.apiKeyRequired, bool, false),
    privateEndpoint: api ? restApiPrivate(api, schema.restApi.endpointTypes) : unknownAt(missing),
    callersLimited: api ? restApiCallersLimited(graph, schema, api) : unknownAt(missing),
  };
}

/**
 * Whether a REST API is PRIVATE: reachable only through interface VPC endpoints. Its endpoint
 * types are computed by the provider when not written: EDGE.
 */
export function restApiPrivate(api: ResourceNode, endpointTypes: string): Attr<boolean> {
  const types = readComputed(api, endpointTypes, strList, ['EDGE']);
  return mapValue(types, (list) => list.some((t) => t.toUpperCase() === 'PRIVATE'));
}

/**
 * Whether the API's resource policies (on the API, in its OpenAPI definition, or separate ones
 * naming it) keep anonymous callers out.
 */
function restApiCallersLimited(graph: ResourceGraph, schema: ApiRouteSchema, api: ResourceNode): Attr<boolean> {
  const docs = [schema.restApi.policy, `${schema.restApi.body}.${DEFINITION_POLICY}`]
    .filter((path) => isSet(api, path).value === true)
    .map((path) => readPolicyDocument(graph, api, path, 'resource'));
  for (const separate of schema.restApiPolicies) {
    for (const node of graph.referencing(api, [separate.type], separate.api)) docs.push(readPolicyDocument(graph, node, separate.policy, 'resource'));
  }
  const [first] = docs;
  if (first === undefined) return { value: false, origin: 'default', at: { node: api, path: schema.restApi.policy } };
  const limited = limitsCallers(docs);
  return { value: limited, origin: limited === undefined ? 'unknown' : 'explicit', at: first.at };
}

/**
 * The path of the REST API resource a method is on (`/orders/{id}`), following each resource's
 * parent to the API's root; `undefined` where a link is not in the sources.
 */
function resourcePath(graph: ResourceGraph, schema: ApiRouteSchema, method: ResourceNode): string | undefined {
  const parts: string[] = [];
  let node = method;
  let link = schema.method.resource;
  const seen = new Set<ResourceNode>();
  for (;;) {
    const [target] = graph.referencedFrom(node, link, [schema.resources, ...schema.restApis]);
    if (target === undefined || seen.has(target)) return undefined;
    if (target.type !== schema.resources) return `/${parts.reverse().join('/')}`;
    const part = getPath(target.properties, schema.resource.pathPart);
    if (typeof part !== 'string') return undefined;
    seen.add(target);
    parts.push(part);
    node = target;
    link = schema.resource.parent;
  }
}

function v2Route(graph: ResourceGraph, schema: ApiRouteSchema, node: ResourceNode): ApiRoute {
  const r = schema.route;
  const api = targetsOf(graph, node, r.api, schema.v2Apis, schema.v2Api.id).find(managed);
  const protocol = api ? read(api, schema.v2Api.protocol, str).value?.toUpperCase() : undefined;
  const route = read(node, r.routeKey, str);
  return {
    resource: node,
    api: protocol === 'HTTP' ? 'http' : protocol === 'WEBSOCKET' ? 'websocket' : undefined,
    ...apiName(api, schema.v2Api.name),
    route,
    httpMethod: routeKeyMethod(route),
    authorization: read(node, r.authorization, str, 'NONE'),
    apiKeyRequired: read(node, r.apiKeyRequired, bool, false),
  };
}

/**
 * The route quick create makes for an HTTP API given a `target`: its `routeKey`, `$default` when
 * left out, with no authorization — quick create takes no authorizer, and a route is created open.
 */
function quickCreatedRoute(schema: ApiRouteSchema, api: ResourceNode): ApiRoute[] {
  const { target, routeKey } = schema.v2Api;
  // A plan writes `target: null` for an API not quick-created.
  if (isSet(api, target).value !== true) return [];
  const route = read(api, routeKey, str, '$default');
  const at = { node: api, path: target };
  return [
    {
      resource: api,
      api: 'http',
      ...apiName(api, schema.v2Api.name),
      route,
      httpMethod: routeKeyMethod(route),
      authorization: { value: 'NONE', origin: 'explicit', at },
      apiKeyRequired: { value: false, origin: 'explicit', at },
    },
  ];
}

/** The extension of an OpenAPI definition that API Gateway imports as the REST API's resource policy. */
const DEFINITION_POLICY = 'x-amazon-apigateway-policy';
const ANY_METHOD = 'x-amazon-apigateway-any-method';
const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch']);

/**
 * The methods (REST) or routes (HTTP) an API's OpenAPI definition defines, each with the
 * authorization its security requirements ask for: an operation's `security`, else the
 * definition's, naming schemes of `securityDefinitions` (Swagger 2) or `components.securitySchemes`
 * (OpenAPI 3). A definition that cannot be read before deployment (a file in S3, an include, a
 * template rendered at apply) gives one route whose authorization is unknown.
 */
function definedRoutes(graph: ResourceGraph, schema: ApiRouteSchema, api: ResourceNode, kind: 'rest' | 'http'): ApiRoute[] {
  const { body: bodyPath, bodyLocation } = kind === 'rest' ? schema.restApi : schema.v2Api;
  // A plan writes `body: null` for an API without a definition.
  const written = getPath(api.properties, bodyPath);
  if (isSet(api, bodyPath).value !== true) {
    const located = bodyLocation !== undefined && isSet(api, bodyLocation).value === true;
    return located ? [unreadableDefinition(graph, schema, api, kind, bodyLocation)] : [];
  }
  const body = typeof written === 'string' ? parseJsonText(written) : written instanceof Unknown ? parseJsonShape(written) : written;
  const paths = isMap(body) ? body['paths'] : undefined;
  if (!isMap(body) || !isMap(paths)) return [unreadableDefinition(graph, schema, api, kind, bodyPath)];
  const schemes = securitySchemes(body);
  // Inside a JSON string there are no lines: every method points at the string itself.
  const inText = !isMap(written);
  const endpoint = fromApi(graph, schema, api, kind);
  const routes: ApiRoute[] = [];
  for (const [path, item] of Object.entries(paths)) {
    const itemPath = inText ? bodyPath : keyPath(`${bodyPath}.paths`, path);
    if (!isMap(item)) {
      routes.push({ resource: api, api: kind, route: unknownAt({ node: api, path: itemPath }), httpMethod: undefined, authorization: unknownAt({ node: api, path: itemPath }), apiKeyRequired: unknownAt({ node: api, path: itemPath }), ...endpoint });
      continue;
    }
    for (const [key, op] of Object.entries(item)) {
      const method = key === ANY_METHOD ? 'ANY' : HTTP_METHODS.has(key) ? key.toUpperCase() : undefined;
      if (method === undefined || !isMap(op)) continue;
      const at = { node: api, path: inText ? bodyPath : keyPath(itemPath, key) };
      const security = op['security'] ?? body['security'];
      const securityAt = { node: api, path: inText || op['security'] === undefined ? at.path : `${at.path}.security` };
      const required = requiredSchemes(security, schemes);
      // HTTP API's catch-all route is `$default`, whatever method its definition files it under.
      const isDefault = kind === 'http' && path === '$default';
      routes.push({
        resource: api,
        api: kind,
        route: { value: isDefault ? '$default' : `${method} ${path}`, origin: 'explicit', at },
        httpMethod: isDefault ? undefined : method,
        authorization: required === undefined ? unknownAt(securityAt) : { value: required.authorization ?? 'NONE', origin: security === undefined ? 'default' : 'explicit', at: securityAt },
        apiKeyRequired: required === undefined ? unknownAt(securityAt) : { value: required.apiKey, origin: security === undefined ? 'default' : 'explicit', at: securityAt },
        ...endpoint,
      });
    }
  }
  return routes;
}

/** One route standing for the methods of a definition not known before deployment. */
function unreadableDefinition(graph: ResourceGraph, schema: ApiRouteSchema, api: ResourceNode, kind: 'rest' | 'http', path: string): ApiRoute {
  const at = { node: api, path };
  return { resource: api, api: kind, route: unknownAt(at), httpMethod: undefined, authorization: unknownAt(at), apiKeyRequired: unknownAt(at), ...fromApi(graph, schema, api, kind) };
}

/** `base.key` where the key can be a path segment (`/orders`), else `base`: `/v1.0` would split. */
const keyPath = (base: string, key: string): string => (/[.[\]]/.test(key) ? base : `${base}.${key}`);

/** The security schemes of a definition by name: Swagger 2's `securityDefinitions` and OpenAPI 3's `components.securitySchemes`. */
function securitySchemes(body: PropertyMap): ReadonlyMap<string, PropertyValue> {
  const out = new Map<string, PropertyValue>();
  for (const schemes of [body['securityDefinitions'], getPath(body, 'components.securitySchemes')]) {
    if (isMap(schemes)) for (const [name, scheme] of Object.entries(schemes)) out.set(name, scheme);
  }
  return out;
}

/**
 * What a method's security requirements ask for: the authorization API Gateway applies for the
 * schemes they name (an authorizer, IAM signing) and whether an API key is required. A name no
 * scheme defines (SAM's `NONE`) asks for nothing; `undefined` where the requirements or a scheme
 * they name are not known before deployment.
 */
function requiredSchemes(security: PropertyValue | undefined, schemes: ReadonlyMap<string, PropertyValue>): { authorization: string | undefined; apiKey: boolean } | undefined {
  if (security === undefined) return { authorization: undefined, apiKey: false };
  if (!Array.isArray(security)) return undefined;
  let authorization: string | undefined;
  let apiKey = false;
  for (const requirement of security) {
    if (!isMap(requirement)) return undefined;
    for (const name of Object.keys(requirement)) {
      const kind = schemeKind(schemes.get(name));
      if (kind === undefined) return undefined;
      if (kind === 'API_KEY') apiKey = true;
      else if (kind !== 'NONE') authorization ??= kind;
    }
  }
  return { authorization, apiKey };
}

/** API Gateway's authorizer types by the `type` of an `x-amazon-apigateway-authorizer`. */
const AUTHORIZER_TYPES: Readonly<Record<string, string>> = { cognito_user_pools: 'COGNITO_USER_POOLS', jwt: 'JWT', token: 'CUSTOM', request: 'CUSTOM' };

/**
 * The authorization a security scheme makes API Gateway apply: an authorizer's type, `AWS_IAM`
 * for `x-amazon-apigateway-authtype: awsSigv4`, `API_KEY` for the `x-api-key` header, else `NONE`.
 */
function schemeKind(scheme: PropertyValue | undefined): string | undefined {
  if (scheme === undefined) return 'NONE';
  if (scheme instanceof Unknown) return undefined;
  if (!isMap(scheme)) return 'NONE';
  const authorizer = scheme['x-amazon-apigateway-authorizer'];
  const authType = scheme['x-amazon-apigateway-authtype'];
  if (authorizer instanceof Unknown || authType instanceof Unknown) return undefined;
  if (isMap(authorizer)) {
    const type = authorizer['type'];
    if (type instanceof Unknown) return undefined;
    return (typeof type === 'string' ? AUTHORIZER_TYPES[type.toLowerCase()] : undefined) ?? 'CUSTOM';
  }
  if (typeof authType === 'string') return authType.toLowerCase() === 'awssigv4' ? 'AWS_IAM' : authType.toLowerCase() === 'cognito_user_pools' ? 'COGNITO_USER_POOLS' : 'CUSTOM';
  const name = scheme['name'];
  return scheme['type'] === 'apiKey' && typeof name === 'string' && name.toLowerCase() === 'x-api-key' ? 'API_KEY' : 'NONE';
}
