import type { ResourceGraph } from '../graph/graph.js';
import type { ResourceNode, SchemaFamily } from '../graph/resource.js';
import { getPath } from '../graph/values.js';
import type { Attr, Evidence } from '../models/attr.js';
import type { ApiRoute } from '../models/aws/apigateway.js';
import { limitsCallers } from '../models/aws/iam-queries.js';
import { defineAdapter, type Adapter } from './adapter.js';
import { readPolicyDocument } from './iam-document.js';
import { targetsOf } from './join.js';
import { bool, mapValue, read, readComputed, str, strList, unknownAt } from './read.js';

/** Where one provider schema writes what `ApiRoute` needs. */
export interface ApiRouteSchema {
  readonly restApis: readonly string[];
  /** The REST API's id attribute (`id`, `RestApiId`) and its endpoint types. */
  readonly restApi: { readonly id: string; readonly endpointTypes: string; readonly policy: string };
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
  readonly v2Api: { readonly id: string; readonly protocol: string };
  readonly routes: string;
  readonly route: { readonly api: string; readonly routeKey: string; readonly authorization: string; readonly apiKeyRequired: string };
}

/** REST API methods and HTTP/WebSocket API routes, with what decides whether anyone may call them. */
export function apiRouteAdapter(family: SchemaFamily, schema: ApiRouteSchema): Adapter<'aws.apigateway.Route'> {
  return defineAdapter({
    kind: 'aws.apigateway.Route',
    family,
    adapt: (graph) => [
      ...graph.ofType(schema.methods).filter(managed).map((node) => restMethod(graph, schema, node)),
      ...graph.ofType(schema.routes).filter(managed).map((node) => v2Route(graph, schema, node)),
    ],
  });
}

const managed = (node: ResourceNode): boolean => node.mode === 'managed';

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

/** Whether the API's resource policies (on the API, or separate ones naming it) keep anonymous callers out. */
function restApiCallersLimited(graph: ResourceGraph, schema: ApiRouteSchema, api: ResourceNode): Attr<boolean> {
  const own = getPath(api.properties, schema.restApi.policy);
  const docs = own === undefined || own === '' ? [] : [readPolicyDocument(graph, api, schema.restApi.policy, 'resource')];
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
  const space = route.value?.indexOf(' ') ?? -1;
  return {
    resource: node,
    api: protocol === 'HTTP' ? 'http' : protocol === 'WEBSOCKET' ? 'websocket' : undefined,
    route,
    httpMethod: space > 0 ? route.value?.slice(0, space).toUpperCase() : undefined,
    authorization: read(node, r.authorization, str, 'NONE'),
    apiKeyRequired: read(node, r.apiKeyRequired, bool, false),
  };
}
