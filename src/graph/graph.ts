import type { Edge, LiteralOrigin, ResourceNode } from './resource.js';
import { isNamedShape } from './placeholders.js';
import { getPath, splitPath, Unknown } from './values.js';

/**
 * All resources of one scan and the references between them. Adapters read it to gather a service
 * model from several resources (a bucket and its separate policy, ACL and public access block).
 */
export class ResourceGraph {
  readonly nodes: readonly ResourceNode[];
  private readonly byId = new Map<string, ResourceNode>();
  private readonly byType = new Map<string, ResourceNode[]>();
  /** Edges by the node at each end, with the node at the other end: adapters follow them by the thousand. */
  private readonly outgoing = new Map<ResourceNode, Link[]>();
  private readonly incoming = new Map<ResourceNode, Link[]>();
  private readonly nameIndexes = new Map<string, Map<string, ResourceNode[]>>();
  private readonly deletedByType = new Map<string, ResourceNode[]>();
  private derivedValues = new Map<ResourceNode, Map<string, unknown>>();

  /** `nodes` may hold resources a plan deletes: they are kept apart (`deleted`), out of every other query. */
  constructor(nodes: readonly ResourceNode[], edges: readonly Edge[]) {
    this.nodes = nodes.some((n) => n.action === 'delete') ? nodes.filter((n) => n.action !== 'delete') : nodes;
    for (const node of nodes) {
      if (node.action === 'delete') {
        push(this.deletedByType, typeKey(node.type), node);
        continue;
      }
      this.byId.set(node.id, node);
      push(this.byType, typeKey(node.type), node);
    }
    for (const edge of edges) {
      const from = this.byId.get(edge.from);
      const to = this.byId.get(edge.to);
      if (!from || !to || from === to) continue;
      push(this.outgoing, from, { edge, node: to });
      push(this.incoming, to, { edge, node: from });
    }
  }

  get(id: string): ResourceNode | undefined {
    return this.byId.get(id);
  }

  /**
   * Nodes of the given types, matched ignoring case: AWS Native names `AWS::RDS::DBInstance`
   * `aws-native:rds:DbInstance`, and a type the loader cannot spell as CloudFormation does still
   * reaches its adapter.
   */
  ofType(...types: string[]): ResourceNode[] {
    if (types.length === 1) return this.byType.get(typeKey(types[0]!)) ?? [];
    return types.flatMap((t) => this.byType.get(typeKey(t)) ?? []);
  }

  /**
   * Resources of `type` the plan deletes, with their values before deletion. Adapters look at them
   * where deleting a separate resource changes another that stays (deleting a bucket's versioning
   * resource suspends its versioning, though the bucket's own values still say it is enabled).
   */
  deleted(type: string): readonly ResourceNode[] {
    return this.deletedByType.get(typeKey(type)) ?? [];
  }

  /**
   * Nodes that `node` refers to from property `path` or anything below it. Where it names none,
   * but reads there a local value the source does not describe (`through-local`), the one node of
   * `types` that local may lead to, when there is exactly one: with several, which one is not known.
   */
  referencedFrom(node: ResourceNode, path: string, types?: readonly string[]): ResourceNode[] {
    const out: ResourceNode[] = [];
    const possible: ResourceNode[] = [];
    for (const { edge, node: target } of this.outgoing.get(node) ?? []) {
      if (edge.kind === 'depends-on' || !isWithin(edge.path, path)) continue;
      if (types && !isOneOf(target.type, types)) continue;
      const list = edge.kind === 'through-local' ? possible : out;
      if (!list.includes(target)) list.push(target);
    }
    return out.length === 0 && possible.length === 1 ? possible : out;
  }

  /** Whether any other node refers to `node` (a `depends_on` alone does not count, nor a local that may lead to it). */
  isReferenced(node: ResourceNode): boolean {
    return (this.incoming.get(node) ?? []).some(({ edge }) => edge.kind === 'reference');
  }

  /** Nodes of the given types (of any, without them) that refer to `node` (a bucket's separate policy, ACL, logging…). */
  referencing(node: ResourceNode, types?: readonly string[], path?: string): ResourceNode[] {
    const out: ResourceNode[] = [];
    for (const { edge, node: from } of this.incoming.get(node) ?? []) {
      if (edge.kind === 'depends-on' || (path !== undefined && !isWithin(edge.path, path))) continue;
      // Through a local, only where `node` is the one resource of its type the local may lead to.
      if (edge.kind === 'through-local' && this.referencedFrom(from, edge.path, [node.type])[0] !== node) continue;
      if ((!types || isOneOf(from.type, types)) && !out.includes(from)) out.push(from);
    }
    return out;
  }

  /**
   * A value adapters derive from `node` (a policy document several of them read), computed once
   * until `forgetDerived`. `key` must name the computation and its inputs: the value is returned
   * as stored.
   */
  derived<T>(node: ResourceNode, key: string, compute: () => T): T {
    let values = this.derivedValues.get(node);
    if (!values) this.derivedValues.set(node, (values = new Map()));
    if (!values.has(key)) values.set(key, compute());
    return values.get(key) as T; // stored by this method under the same key, so of type T
  }

  /** Drops derived values once evaluation is over, so a scan's result does not hold them. */
  forgetDerived(): void {
    this.derivedValues = new Map();
  }

  /**
   * Nodes of `types` whose name property equals `name`: the literal-name match used when a
   * resource points at another only by writing its name (`bucket = "my-logs"`).
   */
  named(types: readonly string[], nameProperty: string, name: string): ResourceNode[] {
    return this.nameIndex(types, nameProperty).get(name) ?? [];
  }

  /**
   * Nodes of `types` in source unit `unit` whose name property is known only at deployment and is
   * written as `shape` (`${AppName}-logs-${AWS::AccountId}`): the match used when a template names
   * a resource by repeating the expression that names it. Only a shape whose every part names one
   * value ({@link isNamedShape}) is looked up: two such writings in one template give one string.
   */
  namedAlike(types: readonly string[], nameProperty: string, shape: string, unit: string): ResourceNode[] {
    return isNamedShape(shape) ? (this.nameIndex(types, nameProperty).get(shapeKey(unit, shape)) ?? []) : [];
  }

  /** The nodes of `types` by their name property: a known name as it is, a shape under {@link shapeKey}. */
  private nameIndex(types: readonly string[], nameProperty: string): Map<string, ResourceNode[]> {
    const key = `${types.join(',')}|${nameProperty}`;
    let index = this.nameIndexes.get(key);
    if (!index) {
      index = new Map();
      for (const n of this.ofType(...types)) {
        const v = getPath(n.properties, nameProperty);
        if (typeof v === 'string') push(index, v, n);
        else if (v instanceof Unknown && v.shape !== undefined && isNamedShape(v.shape)) push(index, shapeKey(n.unit, v.shape), n);
      }
      this.nameIndexes.set(key, index);
    }
    return index;
  }
}

/** A shape's key in a name index: NUL never occurs in a name, so it cannot be taken for one. */
const shapeKey = (unit: string, shape: string): string => `\u0000${unit}\u0000${shape}`;

/** An edge seen from one of its ends, with the node at the other. */
interface Link {
  readonly edge: Edge;
  readonly node: ResourceNode;
}

const typeKeys = new Map<string, string>();

/** A type's index key (its lower case), memoised: a scan has a few dozen types and many lookups. */
function typeKey(type: string): string {
  let key = typeKeys.get(type);
  if (key === undefined) {
    key = type.toLowerCase();
    if (typeKeys.size < 10_000) typeKeys.set(type, key);
  }
  return key;
}

const isOneOf = (type: string, types: readonly string[]): boolean => types.includes(type) || types.some((t) => t.length === type.length && typeKey(t) === typeKey(type));

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Where the literal at `path` is written when not there (`.tf` source): the local, variable
 * default, variables file, module argument or file it comes from, as the node's `literalOrigins`
 * say for the path or the nearest one holding it.
 */
export function literalOriginOf(node: ResourceNode, path: string): LiteralOrigin | undefined {
  let best: [string, LiteralOrigin] | undefined;
  for (const entry of node.literalOrigins ?? []) if (isWithin(path, entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  return best?.[1];
}

/** Whether `path` is `prefix` or lies below it (`bucket` is within `bucket`; `rule[0].x` within `rule`). */
export function isWithin(path: string, prefix: string): boolean {
  if (prefix === '' || path === prefix) return true;
  if (path.startsWith(prefix)) {
    const next = path.charCodeAt(prefix.length);
    if (next === 0x2e || next === 0x5b) return true; // `.` or `[`: a key or an index below
  }
  const a = splitPath(path);
  const b = splitPath(prefix);
  if (a.length < b.length) return false;
  return b.every((seg, i) => a[i] === seg);
}
