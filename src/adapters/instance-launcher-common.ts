import type { ResourceGraph } from '../graph/graph.js';
import type { ResourceNode } from '../graph/resource.js';
import { asList, getPath, isMap, joinPath, Unknown } from '../graph/values.js';
import type { Attr, Evidence } from '../models/attr.js';
import type { BlockDevice, InstanceLauncher } from '../models/aws/ec2-instance.js';
import { isSet } from './configured.js';
import { targetsOf } from './join.js';
import { bool, defaulted, read, str, unknownAt } from './read.js';

/**
 * The launch template an instance names, or the launch template or launch configuration a group
 * launches from, as far as the code shows it: `model` when it is defined here, `named` when one is
 * named at all.
 */
export interface TemplateLink {
  readonly named: boolean;
  readonly model: InstanceLauncher | undefined;
  readonly at: Evidence;
}

/**
 * The launch template an instance names by id or by name (`[path, name property]` pairs), if any;
 * likewise the launch template or launch configuration of a group.
 */
export function linkTemplate(graph: ResourceGraph, node: ResourceNode, blockPath: string, refs: readonly (readonly [string, string])[], templateTypes: readonly string[], model: (template: ResourceNode) => InstanceLauncher): TemplateLink {
  // A Pulumi stack export writes "" for the launch configuration a group using a launch template leaves out: not set.
  const named = isSet(node, blockPath).value === true;
  const template = named ? refs.flatMap(([path, nameProperty]) => pointedAt(graph, node, path, templateTypes, nameProperty))[0] : undefined;
  return { named, model: template ? model(template) : undefined, at: { node, path: blockPath } };
}

/**
 * What a group launches from: the first of its launch template, its mixed instances policy's launch
 * template and its launch configuration that it names. A group naming none (CloudFormation's
 * `InstanceId`, or a source the code does not show) takes its settings from outside the code.
 */
export function groupSource(links: readonly [TemplateLink, ...TemplateLink[]]): TemplateLink {
  return links.find((l) => l.named) ?? { named: true, model: undefined, at: links[0].at };
}

/**
 * An instance's own setting; when it does not write one and names a launch template, the
 * template's (unknown if the template is not in the code).
 */
export function inherit<T>(own: Attr<T>, template: TemplateLink, pick: (t: InstanceLauncher) => Attr<T>): Attr<T> {
  return own.origin !== 'default' || !template.named ? own : taken(template, pick);
}

/** A setting of the launch template or configuration linked to: unknown if it is not in the code. */
function taken<T>(template: TemplateLink, pick: (t: InstanceLauncher) => Attr<T>): Attr<T> {
  return template.model ? pick(template.model) : unknownAt(template.at);
}

/** An instance's own public IP requests, else its launch template's (unknown if not in the code). */
export function inheritRequests(own: readonly Attr<boolean>[], template: TemplateLink): readonly Attr<boolean>[] {
  if (own.length > 0 || !template.named) return own;
  return template.model ? template.model.publicIpRequests : [unknownAt(template.at)];
}

/** How an instance model records its launch template. */
export function templateUse(template: TemplateLink): InstanceLauncher['launchTemplate'] {
  return template.named ? { inCode: template.model !== undefined, at: template.at } : undefined;
}

/**
 * The volumes an instance leaves to its launch template: none of its own when the template is in
 * the code (the template is checked itself), one unknown volume when it is not.
 */
export function templateVolumes(template: TemplateLink): BlockDevice[] {
  return template.model ? [] : [{ device: 'root', isRoot: true, encrypted: unknownAt(template.at), snapshot: defaulted<string>(template.at.node, template.at.path, undefined) }];
}

/**
 * An Auto Scaling group: its instances launch with the settings of its launch template or launch
 * configuration (`source`), into its subnets. Taken from a template or configuration in the code,
 * the settings point at it, so the checks that read them report it there and not a second time on
 * the group (`volumes` is then empty, as for an instance leaving them to its template).
 */
export function autoScalingGroup(node: ResourceNode, source: TemplateLink, subnets: readonly Attr<boolean>[], byDefault: Attr<boolean> | undefined): InstanceLauncher {
  return {
    resource: node,
    launcher: 'auto-scaling-group',
    httpTokens: taken(source, (t) => t.httpTokens),
    httpEndpoint: taken(source, (t) => t.httpEndpoint),
    publicIpRequests: inheritRequests([], source),
    subnetsAssignPublicIp: subnets,
    elasticIps: [],
    volumes: templateVolumes(source),
    launchTemplate: templateUse(source),
    accountEncryptionByDefault: byDefault,
  };
}

/** How a schema family names subnets, and what they say about public IPv4 addresses. */
export interface SubnetSchema {
  readonly types: readonly string[];
  /** The property a literal subnet id is matched against. */
  readonly idProperty: string;
  readonly mapsPublicIp: (subnet: ResourceNode) => Attr<boolean>;
}

/**
 * Where a launcher's instances get their subnets: `path`, the first written of the properties
 * naming them (one subnet id or a list); else `elsewhere`, something that decides the subnet
 * instead (an instance's launch template or attached network interface); else nothing, and they
 * launch into the default VPC's default subnets, at `defaultPath`.
 */
export interface SubnetChoice {
  readonly path: string | undefined;
  readonly elsewhere: Evidence | undefined;
  readonly defaultPath: string;
}

/**
 * Whether each subnet the instances launch into assigns public IPv4 addresses, which decides when
 * neither the launcher nor its template asks for or declines one: EC2 assigns one to an instance
 * in a default subnet, and in another subnet only when the subnet's public IPv4 addressing
 * attribute (MapPublicIpOnLaunch) is on — for an instance (EC2 API reference,
 * InstanceNetworkInterfaceSpecification.AssociatePublicIpAddress: "If launching into a default
 * subnet, the default value is true") as for a launch template or configuration that writes no
 * AssociatePublicIpAddress (Auto Scaling API reference, CreateLaunchConfiguration: "If the
 * instance is launched into a nondefault subnet, the default is not to assign a public IPv4
 * address, unless you enabled the option to assign a public IPv4 address on the subnet"). A group
 * without VPCZoneIdentifier launches into the default subnet of each Availability Zone
 * (CreateAutoScalingGroup, AvailabilityZones), and default subnets assign public addresses.
 */
export function launchSubnets(graph: ResourceGraph, node: ResourceNode, choice: SubnetChoice, schema: SubnetSchema): Attr<boolean>[] {
  const { path, elsewhere } = choice;
  if (path === undefined) return [elsewhere ? unknownAt(elsewhere) : defaulted(node, choice.defaultPath, true)];
  const value = getPath(node.properties, path);
  if (!Array.isArray(value)) return subnetsAt(graph, node, path, schema);
  const subnets = value.flatMap((_, i) => subnetsAt(graph, node, joinPath(path, i), schema));
  // One subnet named twice (a Pulumi preview's elements each depend on every subnet of the list) says it once.
  return subnets.filter((s, i) => s.origin === 'unknown' || subnets.findIndex((o) => o.at.node === s.at.node) === i);
}

/**
 * The settings of the subnets one property names: through a reference, a literal id, or an
 * unknown value derived from subnets; unknown when it names none the code defines.
 */
function subnetsAt(graph: ResourceGraph, node: ResourceNode, path: string, schema: SubnetSchema): Attr<boolean>[] {
  const subnets = pointedAt(graph, node, path, schema.types, schema.idProperty);
  return subnets.length > 0 ? subnets.map(schema.mapsPublicIp) : [unknownAt({ node, path })];
}

/**
 * The resources of `types` that `path` names (`targetsOf`), or else that its unknown value is
 * derived from: in HCL a list's elements and in a Pulumi preview a nested property hold their
 * references there, not on an edge of their own path.
 */
function pointedAt(graph: ResourceGraph, node: ResourceNode, path: string, types: readonly string[], nameProperty: string): ResourceNode[] {
  const targets = targetsOf(graph, node, path, types, nameProperty);
  const value = getPath(node.properties, path);
  if (targets.length > 0 || !(value instanceof Unknown)) return targets;
  const wanted = new Set(graph.ofType(...types));
  return value.refs.flatMap((id) => graph.get(id) ?? []).filter((n) => wanted.has(n));
}

/** The first of `paths` written with a value (not empty): where a launcher names its subnets. */
export function firstWrittenPath(node: ResourceNode, paths: readonly string[]): string | undefined {
  return paths.find((p) => isSet(node, p).value);
}

/** An instance and the launch template it names. */
export interface TemplateUse {
  readonly instance: ResourceNode;
  readonly template: TemplateLink;
  /** Whether the instance maps its own root volume (CloudFormation: any volume, as which one is the root depends on the AMI). */
  readonly mapsVolumes: boolean;
}

/**
 * The launch templates of the sources that no resource launches with their own volumes: each one
 * that refers to them is an instance mapping its own, as for the template CDK makes to give one
 * instance metadata options (`requireImdsv2`). Such a template's root volume, the AMI's when it maps
 * none, is never launched.
 */
export function templatesOverridden(graph: ResourceGraph, uses: readonly TemplateUse[]): ReadonlySet<ResourceNode> {
  const allMap = new Map<ResourceNode, boolean>();
  for (const use of uses) {
    const template = use.template.model?.resource;
    if (template) allMap.set(template, (allMap.get(template) ?? true) && use.mapsVolumes);
  }
  const instances = new Set(uses.map((u) => u.instance));
  return new Set([...allMap].filter(([template, all]) => all && graph.referencing(template).every((user) => instances.has(user))).map(([template]) => template));
}

/** The written `path` flags in a list of blocks (`network_interfaces[*].associate_public_ip_address`). */
export function writtenFlags(node: ResourceNode, listPath: string, field: string): Attr<boolean>[] {
  const list = getPath(node.properties, listPath);
  if (list instanceof Unknown) return [unknownAt({ node, path: listPath })];
  return asList(list)
    .map((_, i) => read(node, `${joinPath(listPath, i)}.${field}`, bool))
    .filter((a) => a.origin !== 'default');
}

/** Where a block device mapping's fields are, relative to one mapping. */
export interface MappingFields {
  readonly device: string;
  /**
   * The EBS part of a mapping (`ebs[0]`, `Ebs`): a mapping without it is an instance store or
   * `NoDevice`. Empty when the whole mapping is the EBS part (`ebs_block_device`).
   */
  readonly ebs: string;
  readonly encrypted: string;
  readonly snapshot: string;
}

/** The EBS volumes of a list of block device mappings; an unknown list gives one unknown volume. */
export function mappedVolumes(node: ResourceNode, listPath: string, f: MappingFields): BlockDevice[] {
  const list = getPath(node.properties, listPath);
  if (list instanceof Unknown) return [unknownVolume(node, listPath)];
  return asList(list).flatMap((m, i): BlockDevice[] => {
    const base = joinPath(listPath, i);
    if (!isMap(m)) return [unknownVolume(node, base)];
    const ebs = getPath(m, f.ebs);
    if (ebs === undefined || ebs === null || (Array.isArray(ebs) && ebs.length === 0)) return [];
    const device = getPath(m, f.device);
    const at = (field: string): string => [base, f.ebs, field].filter((p) => p !== '').join('.');
    return [
      {
        device: typeof device === 'string' ? device : base,
        isRoot: false,
        encrypted: read(node, at(f.encrypted), bool, false),
        snapshot: read(node, at(f.snapshot), str),
      },
    ];
  });
}

/**
 * The root volume when nothing in the code describes it: created from the AMI's snapshot,
 * unencrypted unless that snapshot is or the account encrypts new volumes by default.
 */
export function amiRootVolume(node: ResourceNode, path: string): BlockDevice {
  return { device: 'root', isRoot: true, encrypted: defaulted(node, path, false), snapshot: defaulted<string>(node, path, undefined) };
}

function unknownVolume(node: ResourceNode, path: string): BlockDevice {
  return { device: path, isRoot: false, encrypted: unknownAt({ node, path }), snapshot: defaulted<string>(node, path, undefined) };
}
