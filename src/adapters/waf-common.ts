import type { ResourceGraph } from '../graph/graph.js';
import type { ResourceNode, SchemaFamily } from '../graph/resource.js';
import { getPath, Unknown, type PropertyValue } from '../graph/values.js';
import type { Attr } from '../models/attr.js';
import type { ApiStage } from '../models/aws/apigateway.js';
import type { WafEndpoint } from '../models/aws/waf.js';
import { defineAdapter, type Adapter } from './adapter.js';
import { restApiPrivate } from './apigateway-common.js';
import { isSet } from './configured.js';
import { lbType } from './elb-common.js';
import { targetsOf } from './join.js';
import { bool, defaulted, explicit, mapValue, read, unknownAt } from './read.js';

/** How one schema family writes the endpoints a web ACL protects, and the associations naming them. */
export interface WafSchema {
  readonly distributions: readonly string[];
  /** A distribution's `enabled`, and its web ACL (the WAFv2 web ACL's ARN, or a WAF Classic web ACL's ID). */
  readonly distribution: { readonly enabled: string; readonly webAcl: string };
  readonly loadBalancers: readonly string[];
  /** Where a load balancer says its type, that it is internal, and its ARN (for an association writing the ARN out). */
  readonly loadBalancer: { readonly type: string; readonly arn: string; readonly internal: (node: ResourceNode) => Attr<boolean> };
  readonly stageTypes: readonly string[];
  /** A stage's ARN property, where the schema has one (the CloudFormation stage has none). */
  readonly stageArn: string | undefined;
  readonly restApis: readonly string[];
  /** Where a stage (or a deployment creating one) names its REST API, the API's own ID property, and its endpoint types. */
  readonly restApi: { readonly path: string; readonly id: string; readonly endpointTypes: string };
  /** WAFv2 and WAF Classic (regional) association types. */
  readonly associations: readonly string[];
  /** Where an association names the protected resource by its ARN. */
  readonly resourceArn: string;
}

/** A REST API stage: a stage resource, or a deployment that creates one. */
interface Stage {
  readonly node: ResourceNode;
  readonly name: string | undefined;
  readonly api: ResourceNode | undefined;
}

/**
 * The adapter of one schema family for the endpoints an AWS WAF web ACL can protect, each with
 * whether one does: CloudFront distributions by their own setting, Application Load Balancers and
 * REST API stages (those `stages` reads) by a separate association.
 */
export function wafEndpointAdapter(family: SchemaFamily, schema: WafSchema, stages: Adapter<'aws.apigateway.Stage'>): Adapter<'aws.waf.Endpoint'> {
  return defineAdapter({ kind: 'aws.waf.Endpoint', family, adapt: (graph) => wafEndpoints(graph, schema, stages.adapt(graph)) });
}

function wafEndpoints(graph: ResourceGraph, schema: WafSchema, restStages: readonly ApiStage[]): WafEndpoint[] {
  const managed = (types: readonly string[]): ResourceNode[] => graph.ofType(...types).filter((n) => n.mode === 'managed');
  const loadBalancers = managed(schema.loadBalancers).flatMap((node) => {
    const type = read(node, schema.loadBalancer.type, lbType, 'application');
    return type.value === undefined || type.value === 'application' ? [{ node, type }] : [];
  });
  const stages = restStages.filter((s) => s.api === 'rest').map((s): Stage => ({ node: s.resource, name: s.stageName.value, api: restApiOf(graph, schema, s.resource) }));
  const webAcl = associationsOf(graph, schema, loadBalancers.map((lb) => lb.node), stages);
  return [
    ...managed(schema.distributions).map(
      (node): WafEndpoint => ({ resource: node, kind: 'distribution', public: read(node, schema.distribution.enabled, bool), webAcl: isSet(node, schema.distribution.webAcl) }),
    ),
    ...loadBalancers.map(({ node, type }): WafEndpoint => {
      const internal = schema.loadBalancer.internal(node);
      // An Application Load Balancer is internet-facing unless it says it is internal.
      const isPublic: Attr<boolean> = type.value === undefined ? { value: undefined, origin: type.origin, at: type.at } : mapValue(internal, (yes) => !yes);
      return { resource: node, kind: 'load-balancer', public: isPublic, webAcl: webAcl(node, 'load-balancer') };
    }),
    ...stages.map((stage): WafEndpoint => ({ resource: stage.node, kind: 'stage', public: restApiPublic(schema, stage), webAcl: webAcl(stage.node, 'stage') })),
  ];
}

function restApiOf(graph: ResourceGraph, schema: WafSchema, stage: ResourceNode): ResourceNode | undefined {
  return targetsOf(graph, stage, schema.restApi.path, schema.restApis, schema.restApi.id).find((n) => n.mode === 'managed');
}

/**
 * Whether the stage's REST API takes requests from the internet: any endpoint type but PRIVATE
 * (EDGE when none is written). Unknown for a stage whose API is not in the sources.
 */
function restApiPublic(schema: WafSchema, stage: Stage): Attr<boolean> {
  const { api } = stage;
  if (!api) return unknownAt({ node: stage.node, path: schema.restApi.path });
  return mapValue(restApiPrivate(api, schema.restApi.endpointTypes), (isPrivate) => !isPrivate);
}

/**
 * Which load balancers and stages an association names: through a reference to them or a literal
 * ARN equal to theirs; a stage also through a reference to its REST API with the stage's name
 * written in the ARN (`…/restapis/${api.id}/stages/prod`). An association naming a resource known
 * only at deployment (an input variable, a template parameter) may name any endpoint of the kind
 * its ARN shows, and leaves those it does not certainly name undecided.
 */
function associationsOf(graph: ResourceGraph, schema: WafSchema, loadBalancers: readonly ResourceNode[], stages: readonly Stage[]): (node: ResourceNode, kind: 'load-balancer' | 'stage') => Attr<boolean> {
  const path = schema.resourceArn;
  const named = new Map<ResourceNode, ResourceNode>();
  const maybe = new Map<ResourceNode, ResourceNode>();
  const open: { 'load-balancer'?: ResourceNode; stage?: ResourceNode } = {};
  const endpoints = new Set([...loadBalancers, ...stages.map((s) => s.node)]);
  for (const association of graph.ofType(...schema.associations)) {
    if (association.mode !== 'managed') continue;
    const direct = [
      ...targetsOf(graph, association, path, schema.loadBalancers, schema.loadBalancer.arn),
      ...(schema.stageArn ? targetsOf(graph, association, path, schema.stageTypes, schema.stageArn) : graph.referencedFrom(association, path, schema.stageTypes)),
    ].filter((n) => endpoints.has(n));
    for (const n of direct) named.set(n, association);
    if (direct.length > 0) continue;
    const value = getPath(association.properties, path);
    const apis = graph.referencedFrom(association, path, schema.restApis);
    if (apis.length > 0) {
      const stageName = stageNameIn(value);
      for (const stage of stages) {
        if (!stage.api || !apis.includes(stage.api)) continue;
        if (stageName === undefined || stage.name === undefined) maybe.set(stage.node, association);
        else if (stageName === stage.name) named.set(stage.node, association);
      }
    } else if (value instanceof Unknown && value.refs.length === 0) {
      const service = arnService(value.shape);
      if (service === undefined || service === 'elasticloadbalancing') open['load-balancer'] ??= association;
      if (service === undefined || service === 'apigateway') open.stage ??= association;
    }
  }
  return (node, kind) => {
    const association = named.get(node);
    if (association) return explicit(association, path, true);
    const possible = maybe.get(node) ?? open[kind];
    if (possible) return unknownAt({ node: possible, path });
    return defaulted(node, '', false);
  };
}

/** The stage name an API Gateway stage ARN ends in (`…/stages/prod`), when written out. */
function stageNameIn(value: PropertyValue | undefined): string | undefined {
  const text = typeof value === 'string' ? value : value instanceof Unknown ? value.shape : undefined;
  const at = text?.lastIndexOf('/stages/') ?? -1;
  const name = at < 0 ? undefined : text!.slice(at + '/stages/'.length);
  return name === undefined || name === '' || name.includes('${') ? undefined : name;
}

/** The service of an ARN's shape (`arn:${AWS::Partition}:elasticloadbalancing:…`); `undefined` when not written out. */
function arnService(shape: string | undefined): string | undefined {
  const parts = shape?.split(':');
  const service = parts?.[0] === 'arn' ? parts[2] : undefined;
  return service === undefined || service.includes('${') ? undefined : service;
}
