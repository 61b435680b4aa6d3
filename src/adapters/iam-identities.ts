import type { ResourceGraph } from '../graph/graph.js';
import type { ResourceNode, SchemaFamily } from '../graph/resource.js';
import { asList, getPath, joinPath, Unknown, type PropertyValue } from '../graph/values.js';
import type { Evidence } from '../models/attr.js';
import type { AttachedPolicy, IamIdentity, IdentityKind, PolicyString } from '../models/aws/iam.js';
import { defineAdapter, type Adapter } from './adapter.js';
import { readPolicyDocument } from './iam-document.js';
import { textOrUnknown } from './read.js';
import { isOwnValue } from './read-back.js';

/** Where one schema family declares identities, gives them policies and puts users in groups. */
export interface IdentitySchema {
  /** The resource type of each kind of identity, and the property holding its name. */
  readonly identities: Readonly<Record<IdentityKind, { readonly type: string; readonly name: string }>>;
  readonly attachments: readonly AttachmentSource[];
  /** Customer managed policies the sources may define, which an ARN may refer to. */
  readonly managedPolicies: readonly { readonly type: string; readonly document: string; readonly name: string }[];
  /**
   * Data sources reading an existing managed policy: their known `arn` stands for a reference to
   * them; without one, their `name`, where no `pathPrefix` narrows the lookup, says which policy.
   */
  readonly policyData: readonly { readonly type: string; readonly arn: string; readonly name: string; readonly pathPrefix: string }[];
  /** Group memberships: which property names the users and which the groups (`self`: the resource itself). */
  readonly memberships: readonly { readonly type: string; readonly users: string | 'self'; readonly groups: string | 'self' }[];
}

/** A resource giving policies to identities. */
export interface AttachmentSource {
  readonly type: string;
  /** The properties naming the identities, by kind; `self` when the resource is the identity. */
  readonly identities: readonly { readonly kind: IdentityKind; readonly path: string }[] | { readonly self: IdentityKind };
  /** The property holding the attached managed policies' ARNs: one string or a list. */
  readonly arns?: string;
  /** `arns` holds a list: known only at apply, it may hold any ARN, not only a policy it refers to. */
  readonly arnsList?: boolean;
  /** Inline documents (`Policies[*].PolicyDocument`) and their names, relative to the same element. */
  readonly inline?: { readonly path: string; readonly name?: string };
  /** The resource is a managed policy naming the identities it is attached to (`AWS::IAM::ManagedPolicy`). */
  readonly ownDocument?: { readonly path: string; readonly name?: string };
  /**
   * `arns` and `inline` are also what the provider reads back from the separate resources attaching
   * policies to the identity: Terraform's `aws_iam_role` computes `managed_policy_arns` and
   * `inline_policy` from every attachment, so in a plan or state of an existing role they repeat
   * what the separate resources give it. They are then read under `isOwnValue`.
   */
  readonly readBack?: boolean;
}

interface Builder {
  readonly anchor: ResourceNode;
  readonly kind: IdentityKind;
  readonly name: string | Unknown;
  readonly certain: boolean;
  readonly policies: AttachedPolicy[];
  readonly groups: Set<Builder>;
}

/** An adapter yielding every identity the sources declare or attach policies to. */
export function identityAdapter(family: SchemaFamily, schema: IdentitySchema): Adapter<'aws.iam.Identity'> {
  return defineAdapter({ kind: 'aws.iam.Identity', family, adapt: (graph) => adaptIdentities(graph, schema) });
}

function adaptIdentities(graph: ResourceGraph, schema: IdentitySchema): IamIdentity[] {
  const declared = new Map<ResourceNode, Builder>();
  const orphans = new Map<string, Builder>();
  for (const [kind, spec] of Object.entries(schema.identities) as [IdentityKind, IdentitySchema['identities'][IdentityKind]][]) {
    for (const node of managed(graph, spec.type)) declared.set(node, newBuilder(node, kind, nameOf(node, spec.name), true));
  }
  const orphan = (key: string, anchor: ResourceNode, kind: IdentityKind, name: string | Unknown, certain: boolean): Builder => {
    let b = orphans.get(key);
    if (!b) orphans.set(key, (b = newBuilder(anchor, kind, name, certain)));
    return b;
  };

  /** The identities of `kind` that property `path` of `node` names: by reference, by literal name, else as orphans. */
  const named = (node: ResourceNode, path: string, kind: IdentityKind): Builder[] => {
    const spec = schema.identities[kind];
    const referenced = (p: string): Builder[] => graph.referencedFrom(node, p, [spec.type]).flatMap((n) => declared.get(n) ?? []);
    const value = getPath(node.properties, path);
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value) && typeof value !== 'string') {
      // A list or name not known before deployment: the references it is made of, else maybe none.
      const refs = referenced(path);
      return refs.length > 0 ? refs : [orphan(`${node.id}|${path}`, node, kind, textOrUnknown(value), false)];
    }
    return asList(value).flatMap((v, i) => {
      const p = Array.isArray(value) ? joinPath(path, i) : path;
      const refs = referenced(p);
      if (refs.length > 0) return refs;
      if (typeof v !== 'string') return [orphan(`${node.id}|${p}`, node, kind, textOrUnknown(v), true)];
      // IAM names are at least one character long: an empty one (`users = [""]`) names no identity.
      if (v === '') return [];
      const byName = graph.named([spec.type], spec.name, v).flatMap((n) => declared.get(n) ?? []);
      return byName.length > 0 ? byName : [orphan(`${node.unit}|${kind}|${v}`, node, kind, v, true)];
    });
  };

  // Separate attachments first: what an identity reads back of them is then known.
  const ordered = [...schema.attachments].sort((a, b) => Number(a.readBack === true) - Number(b.readBack === true));
  for (const source of ordered) {
    for (const node of managed(graph, source.type)) {
      const self = 'self' in source.identities ? declared.get(node) : undefined;
      const policies = attachedPolicies(graph, node, source, schema, self?.policies ?? []);
      if (policies.length === 0) continue;
      const targets = 'self' in source.identities ? (self ? [self] : []) : source.identities.flatMap(({ kind, path }) => named(node, path, kind));
      for (const target of new Set(targets)) target.policies.push(...policies);
    }
  }

  for (const m of schema.memberships) {
    for (const node of managed(graph, m.type)) {
      const members = (path: string, kind: IdentityKind): Builder[] =>
        path === 'self' ? (declared.get(node)?.kind === kind ? [declared.get(node)!] : []) : named(node, path, kind);
      const groups = members(m.groups, 'group');
      for (const user of members(m.users, 'user')) for (const g of groups) user.groups.add(g);
    }
  }

  // An identity only named in a membership, with no policy of its own, has nothing to check.
  return [...declared.values(), ...[...orphans.values()].filter((b) => b.policies.length > 0)]
    .map((b) => ({
      resource: b.anchor,
      kind: b.kind,
      name: b.name,
      certain: b.certain,
      policies: b.policies,
      groupPolicies: b.kind === 'user' ? [...b.groups].flatMap((g) => g.policies) : [],
    }));
}

function newBuilder(anchor: ResourceNode, kind: IdentityKind, name: string | Unknown, certain: boolean): Builder {
  return { anchor, kind, name, certain, policies: [], groups: new Set() };
}

function managed(graph: ResourceGraph, type: string): ResourceNode[] {
  return graph.ofType(type).filter((n) => n.mode === 'managed');
}

/** A resource's name as written, else its address. */
function nameOf(node: ResourceNode, path: string): string {
  const v = getPath(node.properties, path);
  return typeof v === 'string' ? v : node.address;
}

/**
 * The policies one resource gives: managed ARNs, inline documents, or itself as a managed policy.
 * `separate` is what separate resources already attach to it, when it is an identity.
 */
function attachedPolicies(graph: ResourceGraph, node: ResourceNode, source: AttachmentSource, schema: IdentitySchema, separate: readonly AttachedPolicy[]): AttachedPolicy[] {
  const out: AttachedPolicy[] = [];
  const read = (path: string | undefined, type: AttachedPolicy['type']): path is string =>
    path !== undefined && (!source.readBack || isOwnValue(node, path, separate.some((p) => p.type === type)));
  if (read(source.arns, 'managed')) {
    const value = getPath(node.properties, source.arns);
    if (value !== undefined && value !== null) {
      const arns = source.arns;
      const elements = Array.isArray(value) ? value.map((v, i) => ({ v, path: joinPath(arns, i) })) : [{ v: value, path: arns }];
      for (const { v, path } of elements) out.push(managedByArn(graph, node, path, v, schema));
      // `var.on ? [admin_arn, aws_iam_policy.x.arn] : []`: besides the policy it refers to, any ARN.
      const [referred] = out.slice(-1);
      if (source.arnsList && value instanceof Unknown && referred && (referred.definedInSources || typeof referred.arn === 'string')) {
        out.push({ type: 'managed', name: value, arn: value, definedInSources: false, at: { node, path: arns } });
      }
    }
  }
  if (source.inline && read(source.inline.path, 'inline')) {
    for (const { path, name } of expand(node, source.inline.path, source.inline.name)) {
      if (blank(getPath(node.properties, path))) continue;
      const document = readPolicyDocument(graph, node, path, 'identity', name);
      out.push({ type: 'inline', name: name ?? node.address, definedInSources: true, document, at: { node, path } });
    }
  }
  if (source.ownDocument && !blank(getPath(node.properties, source.ownDocument.path))) {
    const name = source.ownDocument.name === undefined ? undefined : stringAt(node, source.ownDocument.name);
    const document = readPolicyDocument(graph, node, source.ownDocument.path, 'identity', name);
    out.push({ type: 'managed', name: name ?? node.address, definedInSources: true, document, at: { node, path: source.ownDocument.path } });
  }
  return out;
}

/** A managed policy attached by ARN, with its document when the ARN refers to a policy of the sources. */
function managedByArn(graph: ResourceGraph, node: ResourceNode, path: string, v: PropertyValue, schema: IdentitySchema): AttachedPolicy {
  const at: Evidence = { node, path };
  let arn: PolicyString = textOrUnknown(v);
  // Terraform's `data.aws_iam_policy` shares its type name with the managed policy resource.
  const [policy] = graph.referencedFrom(node, path, schema.managedPolicies.map((m) => m.type)).filter((n) => n.mode === 'managed');
  if (policy) {
    const spec = schema.managedPolicies.find((m) => m.type === policy.type)!;
    const name = stringAt(policy, spec.name);
    const document = readPolicyDocument(graph, policy, spec.document, 'identity', name);
    return { type: 'managed', name: name ?? policy.address, arn, definedInSources: true, document, at };
  }
  const [data] = graph.referencedFrom(node, path, schema.policyData.map((d) => d.type)).filter((n) => n.mode === 'data');
  let foundByName: string | undefined;
  if (data && typeof arn !== 'string') {
    const spec = schema.policyData.find((d) => d.type === data.type)!;
    const known = stringAt(data, spec.arn);
    const prefix = getPath(data.properties, spec.pathPrefix);
    if (known !== undefined) arn = known;
    else if (prefix === undefined || prefix === null || prefix === '/') foundByName = stringAt(data, spec.name);
  }
  return { type: 'managed', name: foundByName ?? arnName(arn) ?? data?.address ?? arn, arn, ...(foundByName !== undefined && { foundByName }), definedInSources: false, at };
}

/**
 * `arn:aws:iam::aws:policy/job-function/ViewOnlyAccess` → `ViewOnlyAccess`, also from a known shape:
 * the text after the last `/`, without `$` or `}`, with a `:policy/` before it on the same line. So
 * `/:policy\/(?:.*\/)?([^/$}]+)$/` read it, in time quadratic in a text of many `:policy/`.
 */
function arnName(arn: PolicyString): string | undefined {
  const text = typeof arn === 'string' ? arn : arn.shape;
  if (text === undefined) return undefined;
  const slash = text.lastIndexOf('/');
  const name = text.slice(slash + 1);
  if (slash === -1 || name === '' || /[$}]/.test(name)) return undefined;
  // The nearest `:policy/` ending at or before that `/`: the pattern's `.` takes no line terminator.
  const marker = text.lastIndexOf(':policy/', slash - 7);
  return marker !== -1 && marker + 7 <= slash && !/[\n\r\u2028\u2029]/.test(text.slice(marker + 8, slash)) ? name : undefined;
}

function stringAt(node: ResourceNode, path: string): string | undefined {
  const v = getPath(node.properties, path);
  return typeof v === 'string' ? v : undefined;
}

function blank(v: PropertyValue | undefined): boolean {
  return v === undefined || v === null || v === '';
}

/** `Policies[*].PolicyDocument` → one concrete path (and name) per element of `Policies`. */
function expand(node: ResourceNode, path: string, name: string | undefined): { path: string; name: string | undefined }[] {
  const star = path.indexOf('[*]');
  const nameAt = (p: string | undefined): string | undefined => (p === undefined ? undefined : stringAt(node, p));
  if (star === -1) return [{ path, name: nameAt(name) }];
  const list = path.slice(0, star);
  return asList(getPath(node.properties, list)).map((_, i) => ({
    path: `${list}[${i}]${path.slice(star + 3)}`,
    name: nameAt(name === undefined ? undefined : `${list}[${i}].${name}`),
  }));
}

/**
 * The user a resource belongs to (an access key, a login profile): its resource where the sources
 * declare it, and its name as written, else that resource's address, else what stands for the name
 * until deployment.
 */
export function userOf(graph: ResourceGraph, node: ResourceNode, path: string, userType: string, nameProperty: string): { node?: ResourceNode; name: string | Unknown } {
  const value = getPath(node.properties, path);
  const [user] = graph.referencedFrom(node, path, [userType]);
  const byName = typeof value === 'string' ? graph.named([userType], nameProperty, value) : [];
  const found = user ?? byName[0];
  const name = typeof value === 'string' || !found ? textOrUnknown(value) : nameOf(found, nameProperty);
  return found ? { node: found, name } : { name };
}
