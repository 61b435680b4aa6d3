import type { ResourceGraph } from '../../graph/graph.js';
import type { ResourceNode } from '../../graph/resource.js';
import { asList, getPath, isMap, joinPath, parseJsonShape, parseJsonText, Secret, Unknown, type PropertyValue } from '../../graph/values.js';
import type { Attr, Evidence } from '../../models/attr.js';
import type { GcsBucket, GcsGrant } from '../../models/gcp/storage.js';
import { defineAdapter } from '../adapter.js';
import { joinChildren, type Joined } from '../join.js';
import { bool, defaulted, read, str, textOrUnknown, writtenText } from '../read.js';

const BUCKET = ['google_storage_bucket'];
const IAM_POLICY_DATA = 'google_iam_policy';

/** What one resource granting access to a bucket grants: known grants, and where the principals are not known yet. */
interface Granted {
  readonly grants: readonly GcsGrant[];
  readonly undecided: readonly Evidence[];
}

/**
 * The principals and roles of Cloud Storage's predefined ACLs that open data to everyone
 * (https://cloud.google.com/storage/docs/access-control/lists#predefined-acl): the same names serve
 * buckets, their default object ACL and objects. `publicReadWrite` (buckets only) gives allUsers
 * WRITER, which includes READER.
 */
const PREDEFINED_ACLS: Readonly<Record<string, { readonly member: string; readonly role: string }>> = {
  publicRead: { member: 'allUsers', role: 'READER' },
  publicReadWrite: { member: 'allUsers', role: 'WRITER' },
  authenticatedRead: { member: 'allAuthenticatedUsers', role: 'READER' },
};

/** How each resource that grants access to a bucket says what it grants. */
const READERS: Readonly<Record<string, (graph: ResourceGraph, node: ResourceNode) => Granted>> = {
  google_storage_bucket_iam_binding: (_, node) => iamMembers(node, 'members'),
  google_storage_bucket_iam_member: (_, node) => iamMembers(node, 'member'),
  google_storage_bucket_iam_policy: iamPolicy,
  google_storage_bucket_acl: (_, node) => merge([aclEntries(node), predefinedAcl(node, 'default_acl')]),
  google_storage_default_object_acl: (_, node) => roleEntities(node),
  google_storage_object_acl: (_, node) => aclEntries(node),
  google_storage_bucket_access_control: (_, node) => accessControl(node),
  google_storage_default_object_access_control: (_, node) => accessControl(node),
  google_storage_object_access_control: (_, node) => accessControl(node),
};
const GRANTING = Object.keys(READERS).map((type) => ({ type, paths: ['bucket'] }));

/**
 * Cloud Storage buckets of the Google provider, with the IAM bindings, members and policies and
 * the ACLs that grant access to them or to their objects, each in a resource of its own.
 */
export const terraformGcsBuckets = defineAdapter({
  kind: 'gcp.storage.Bucket',
  family: 'terraform',
  adapt(graph) {
    return joinChildren(graph, BUCKET, 'name', GRANTING).map((j) => bucketModel(graph, j));
  },
});

function bucketModel(graph: ResourceGraph, j: Joined): GcsBucket {
  const { anchor, parent } = j;
  const granted = merge([...j.children].flatMap(([type, nodes]) => nodes.map((node) => READERS[type]!(graph, node))));
  // A bucket not in the sources is named by the resources granting access to it.
  const name = parent ? read(parent, 'name', str) : read(anchor, 'bucket', str);
  return {
    resource: anchor,
    ...(parent === undefined && { orphan: true }),
    name,
    label: name.value ?? writtenText(name.at.node, name.at.path) ?? anchor.address,
    // Of a bucket defined elsewhere, neither setting is known here.
    uniformBucketLevelAccess: parent ? uniformAccess(parent) : defaulted<boolean>(anchor, '', undefined),
    publicAccessPrevention: parent ? read(parent, 'public_access_prevention', str, 'inherited') : defaulted<string>(anchor, '', undefined),
    grants: granted.grants,
    undecidedGrants: granted.undecided,
  };
}

/** `uniform_bucket_level_access`, or `bucket_policy_only`, its name before Google provider 4.0. */
function uniformAccess(bucket: ResourceNode): Attr<boolean> {
  const uniform = read(bucket, 'uniform_bucket_level_access', bool, false);
  return uniform.origin === 'default' && getPath(bucket.properties, 'bucket_policy_only') !== undefined ? read(bucket, 'bucket_policy_only', bool, false) : uniform;
}

const merge = (parts: readonly Granted[]): Granted => ({ grants: parts.flatMap((p) => p.grants), undecided: parts.flatMap((p) => p.undecided) });

/**
 * The strings of a list (or of one string), each with where it is written; elements not known
 * before deployment, or the whole list, are undecided. `at` places an element (by index) or the list.
 */
function strings(v: PropertyValue | undefined, at: (index?: number) => Evidence): { readonly items: readonly { value: string; at: Evidence }[]; readonly undecided: readonly Evidence[] } {
  if (v === undefined || v === null) return { items: [], undecided: [] };
  if (v instanceof Unknown || v instanceof Secret) return { items: [], undecided: [at()] };
  const list = Array.isArray(v) ? v.map((x, i) => [x, i] as const) : [[v, undefined] as const];
  return {
    items: list.flatMap(([x, i]) => (typeof x === 'string' ? [{ value: x, at: at(i) }] : [])),
    undecided: list.flatMap(([x, i]) => (x instanceof Unknown || x instanceof Secret ? [at(i)] : [])),
  };
}

/** `members` of an IAM binding or `member` of an IAM member, with the role they get. */
function iamMembers(node: ResourceNode, path: string): Granted {
  const role = textOrUnknown(getPath(node.properties, 'role'));
  const { items, undecided } = strings(getPath(node.properties, path), (i) => ({ node, path: i === undefined ? path : joinPath(path, i) }));
  return { grants: items.map((m) => ({ member: m.value, role, via: 'iam', at: m.at })), undecided };
}

/**
 * `policy_data` of an authoritative IAM policy: JSON text (`{"bindings": [{"role", "members"}]}`),
 * usually rendered by a `data "google_iam_policy"`, whose `binding` blocks are read when the text
 * is only known at apply. Every grant is placed at `policy_data`: the resource that grants.
 */
function iamPolicy(graph: ResourceGraph, node: ResourceNode): Granted {
  const at = (): Evidence => ({ node, path: 'policy_data' });
  const raw = getPath(node.properties, 'policy_data');
  if (raw === undefined || raw === null) return { grants: [], undecided: [] };
  const documents = raw instanceof Unknown ? graph.referencedFrom(node, 'policy_data', [IAM_POLICY_DATA]) : [];
  const bindings =
    documents.length > 0 ? documents.flatMap((d) => asList(getPath(d.properties, 'binding'))) : bindingsOf(typeof raw === 'string' ? parseJsonText(raw) : raw instanceof Unknown ? parseJsonShape(raw) : undefined);
  if (bindings === undefined) return { grants: [], undecided: [at()] };
  return merge(
    bindings.map((b) => {
      if (!isMap(b)) return { grants: [], undecided: [at()] };
      const role = textOrUnknown(b['role']);
      const { items, undecided } = strings(b['members'], at);
      return { grants: items.map((m) => ({ member: m.value, role, via: 'iam' as const, at: m.at })), undecided };
    }),
  );
}

/** The `bindings` of a policy document; `undefined` when it is not one (text that is not JSON). */
function bindingsOf(document: PropertyValue | undefined): PropertyValue[] | undefined {
  if (!isMap(document)) return undefined;
  const bindings = document['bindings'];
  return bindings instanceof Unknown ? undefined : asList(bindings);
}

/**
 * The entries of a bucket's or an object's ACL: a predefined ACL, or `role_entity`. With a
 * predefined ACL, `role_entity` is what the provider computes from it (known after apply, holding
 * the same grants), not a setting of its own.
 */
function aclEntries(node: ResourceNode): Granted {
  const entities = roleEntities(node);
  const predefinedValue = getPath(node.properties, 'predefined_acl');
  if (predefinedValue === undefined || predefinedValue === null) return entities;
  const predefined = predefinedAcl(node, 'predefined_acl');
  return { grants: [...predefined.grants, ...entities.grants], undecided: predefined.undecided };
}

/** A predefined ACL (`predefined_acl`, or `default_acl` for the objects a bucket will hold) that opens data to everyone. */
function predefinedAcl(node: ResourceNode, path: string): Granted {
  const acl = read(node, path, str);
  if (acl.origin === 'unknown') return { grants: [], undecided: [acl.at] };
  const grant = acl.value !== undefined && Object.hasOwn(PREDEFINED_ACLS, acl.value) ? PREDEFINED_ACLS[acl.value]! : undefined;
  return { grants: grant ? [{ ...grant, via: 'acl', at: acl.at }] : [], undecided: [] };
}

/** `role_entity`: ACL entries written `ROLE:entity` (`READER:allUsers`). */
function roleEntities(node: ResourceNode): Granted {
  const { items, undecided } = strings(getPath(node.properties, 'role_entity'), (i) => ({ node, path: i === undefined ? 'role_entity' : joinPath('role_entity', i) }));
  return {
    grants: items.flatMap((e) => {
      const colon = e.value.indexOf(':');
      return colon === -1 ? [] : [{ member: e.value.slice(colon + 1), role: e.value.slice(0, colon), via: 'acl' as const, at: e.at }];
    }),
    undecided,
  };
}

/** One ACL entry of its own: `entity` gets `role`. */
function accessControl(node: ResourceNode): Granted {
  const role = textOrUnknown(getPath(node.properties, 'role'));
  const { items, undecided } = strings(getPath(node.properties, 'entity'), () => ({ node, path: 'entity' }));
  return { grants: items.map((e) => ({ member: e.value, role, via: 'acl', at: e.at })), undecided };
}
