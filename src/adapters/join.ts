import type { ResourceGraph } from '../graph/graph.js';
import type { ResourceNode, SourceFormat } from '../graph/resource.js';
import { hasPlaceholder } from '../graph/placeholders.js';
import { getPath, Unknown } from '../graph/values.js';

/** How a separate resource names the resource it configures. */
export interface ChildLink {
  readonly type: string;
  /** The properties that may hold the parent's reference or name (`bucket`; `GroupId`, `GroupName`), in order. */
  readonly paths: readonly string[];
  /**
   * Resources the child may refer to in the parent's place, and the property where they name the
   * parent: a Lambda alias or version stands for its function (a permission on `!Ref Alias` is the
   * function's).
   */
  readonly through?: readonly StandIn[];
  /**
   * The parent's name in what the child writes, where the child may write more than the name (a
   * Lambda permission's `function5:live`, or the function's ARN): the name matched and the shape
   * compared are this function's result.
   */
  readonly nameOf?: NameOf;
}

/**
 * The name a target has in what names it: one name, or several in order of preference, of which
 * the first that names a target is taken (a Secrets Manager ARN's last part as it is, then without
 * the suffix AWS appends to the name).
 */
export type NameOf = (written: string) => string | readonly string[];

export interface StandIn {
  readonly types: readonly string[];
  readonly path: string;
}

/** A parent and the separate resources that configure it, by type. */
export interface Joined {
  /** What findings name: the parent, or for an orphan, the first separate resource. */
  readonly anchor: ResourceNode;
  /** `undefined` when the parent is not in the scanned sources (only its settings are). */
  readonly parent: ResourceNode | undefined;
  readonly children: ReadonlyMap<string, readonly ResourceNode[]>;
}

/**
 * The resources of `targetTypes` that `node` points at from `path`: through a reference, else by
 * a literal name equal to the target's `nameProperty`, else — in a template — by the same
 * expression as names the target (`!Sub "${AppName}-logs"` in both). `nameOf` takes the target's
 * name out of a value that writes more than the name ({@link ChildLink.nameOf}).
 */
export function targetsOf(
  graph: ResourceGraph,
  node: ResourceNode,
  path: string,
  targetTypes: readonly string[],
  nameProperty: string,
  nameOf: NameOf = (written) => written,
): ResourceNode[] {
  const referenced = graph.referencedFrom(node, path, targetTypes);
  if (referenced.length > 0) return referenced;
  const value = getPath(node.properties, path);
  const shaped = value instanceof Unknown && value.shape !== undefined && TEMPLATE_FORMATS.has(node.format);
  const written = typeof value === 'string' ? value : shaped ? value.shape : undefined;
  if (written === undefined) return [];
  for (const name of [nameOf(written)].flat()) {
    // An ARN whose unknown parts are only partition, Region and account leaves a literal name.
    const found = shaped && hasPlaceholder(name) ? graph.namedAlike(targetTypes, nameProperty, name, node.unit) : graph.named(targetTypes, nameProperty, name);
    if (found.length > 0) return found;
  }
  return [];
}

/** Formats whose unknown values keep the shape CloudFormation's intrinsic functions write (`${Param}`, `${Resource.Attr}`). */
const TEMPLATE_FORMATS: ReadonlySet<SourceFormat> = new Set(['cloudformation', 'cdk']);

/**
 * Gathers separate resources onto their parents (a bucket's ACL, policy, public access block…).
 * A separate resource whose parent is not in the sources is kept, grouped with the others naming
 * the same parent, so its settings are still checked.
 */
export function joinChildren(graph: ResourceGraph, parentTypes: readonly string[], nameProperty: string, links: readonly ChildLink[]): Joined[] {
  const byParent = new Map<ResourceNode, Map<string, ResourceNode[]>>();
  const orphans = new Map<string, { anchor: ResourceNode; children: Map<string, ResourceNode[]> }>();
  for (const parent of graph.ofType(...parentTypes)) if (parent.mode === 'managed') byParent.set(parent, new Map());

  for (const link of links) {
    for (const child of graph.ofType(link.type)) {
      if (child.mode !== 'managed') continue;
      // Through a stand-in only where the child names no parent itself.
      const parents = link.paths.flatMap((listed) => elementPaths(child, listed)).flatMap((path) => {
        const direct = targetsOf(graph, child, path, parentTypes, nameProperty, link.nameOf).filter((p) => byParent.has(p));
        if (direct.length > 0 || !link.through) return direct;
        return link.through.flatMap((t) => graph.referencedFrom(child, path, t.types).flatMap((standIn) => targetsOf(graph, standIn, t.path, parentTypes, nameProperty))).filter((p) => byParent.has(p));
      });
      if (parents.length > 0) {
        for (const p of new Set(parents)) add(byParent.get(p)!, link.type, child);
        continue;
      }
      const name = link.paths.map((path) => getPath(child.properties, path)).find((v) => typeof v === 'string');
      const key = typeof name === 'string' ? `${child.unit}|${name}` : child.id;
      let group = orphans.get(key);
      if (!group) orphans.set(key, (group = { anchor: child, children: new Map() }));
      add(group.children, link.type, child);
    }
  }
  return [
    ...[...byParent].map(([parent, children]) => ({ anchor: parent, parent, children })),
    ...[...orphans.values()].map((o) => ({ anchor: o.anchor, parent: undefined, children: o.children })),
  ];
}

/** A property naming several parents (`Topics`, `Queues`) as one path per element, so each is matched by reference or by name. */
export function elementPaths(node: ResourceNode, path: string): string[] {
  const value = getPath(node.properties, path);
  return Array.isArray(value) ? value.map((_, i) => `${path}[${i}]`) : [path];
}

function add(map: Map<string, ResourceNode[]>, type: string, node: ResourceNode): void {
  const list = map.get(type);
  if (list) list.push(node);
  else map.set(type, [node]);
}
