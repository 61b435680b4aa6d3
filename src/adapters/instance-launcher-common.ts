import type { ResourceGraph } from '../graph/graph.js';
import type { ResourceNode } from '../graph/resource.js';
import { asList, getPath, isMap, joinPath, Unknown } from '../graph/values.js';
import type { Attr, Evidence } from '../models/attr.js';
import type { BlockDevice, InstanceLauncher } from '../models/aws/ec2-instance.js';
import { targetsOf } from './join.js';
import { bool, defaulted, read, str } from './read.js';

/**
 * The launch template an instance names, as far as the code shows it: `model` when the template is
 * defined here, `named` when the instance names one at all.
 */
export interface TemplateLink {
  readonly named: boolean;
  readonly model: InstanceLauncher | undefined;
  readonly at: Evidence;
}

/** The launch template an instance names by id or by name (`[path, name property]` pairs), if any. */
export function linkTemplate(graph: ResourceGraph, node: ResourceNode, blockPath: string, refs: readonly (readonly [string, string])[], templateTypes: readonly string[], model: (template: ResourceNode) => InstanceLauncher): TemplateLink {
  const block = getPath(node.properties, blockPath);
  const named = block !== undefined && block !== null && !(Array.isArray(block) && block.length === 0);
  const template = named ? refs.flatMap(([path, nameProperty]) => targetsOf(graph, node, path, templateTypes, nameProperty))[0] : undefined;
  return { named, model: template ? model(template) : undefined, at: { node, path: blockPath } };
}

/**
 * An instance's own setting; when it does not write one and names a launch template, the
 * template's (unknown if the template is not in the code).
 */
export function inherit<T>(own: Attr<T>, template: TemplateLink, pick: (t: InstanceLauncher) => Attr<T>): Attr<T> {
  if (own.origin !== 'default' || !template.named) return own;
  return template.model ? pick(template.model) : { value: undefined, origin: 'unknown', at: template.at };
}

/** An instance's own public IP requests, else its launch template's (unknown if not in the code). */
export function inheritRequests(own: readonly Attr<boolean>[], template: TemplateLink): readonly Attr<boolean>[] {
  if (own.length > 0 || !template.named) return own;
  return template.model ? template.model.publicIpRequests : [{ value: undefined, origin: 'unknown', at: template.at }];
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
  return template.model ? [] : [{ device: 'root', isRoot: true, encrypted: { value: undefined, origin: 'unknown', at: template.at }, snapshot: defaulted<string>(template.at.node, template.at.path, undefined) }];
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
  if (list instanceof Unknown) return [{ value: undefined, origin: 'unknown', at: { node, path: listPath } }];
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
  return { device: path, isRoot: false, encrypted: { value: undefined, origin: 'unknown', at: { node, path } }, snapshot: defaulted<string>(node, path, undefined) };
}
