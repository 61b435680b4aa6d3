import type { ResourceGraph } from '../graph/graph.js';
import type { ResourceNode, SchemaFamily } from '../graph/resource.js';
import { asList, getPath, type PropertyMap } from '../graph/values.js';
import type { PolicyDocument, PolicyPurpose, PolicyResourceKind } from '../models/aws/iam.js';
import { defineAdapter, type Adapter } from './adapter.js';
import { readPolicyDocument } from './iam-document.js';
import { targetsOf } from './join.js';
import { isOwnValue } from './read-back.js';

/** Where a resource type holds a policy document. `[*]` in `path` stands for every list element. */
export interface DocumentLocation {
  readonly type: string;
  readonly path: string;
  readonly purpose: PolicyPurpose;
  /** What a resource policy at this location governs. */
  readonly governs?: PolicyResourceKind;
  /** Path of the policy's name, relative to the same list element as `path`. */
  readonly name?: string;
  /**
   * The separate resource that sets the same document, and how it names this one: applied, the
   * provider reads its document back into `path` (`aws_sqs_queue.policy` from `aws_sqs_queue_policy`).
   */
  readonly setBy?: { readonly type: string; readonly path: string; readonly nameProperty: string };
}

/** An adapter yielding every policy document the listed resource types hold. */
export function policyDocumentAdapter(family: SchemaFamily, locations: readonly DocumentLocation[]): Adapter<'aws.iam.PolicyDocument'> {
  return defineAdapter({
    kind: 'aws.iam.PolicyDocument',
    family,
    adapt(graph) {
      const out: PolicyDocument[] = [];
      for (const loc of locations) {
        const setSeparately = loc.setBy ? nodesSetBy(graph, loc.type, loc.setBy) : new Set<ResourceNode>();
        for (const node of graph.ofType(loc.type)) {
          if (node.mode !== 'managed') continue;
          // A document the provider computes from other resources (`aws_iam_role.inline_policy` from
          // `aws_iam_role_policy`, `aws_s3_bucket.policy`) repeats theirs: not read again.
          if (!isOwnValue(node, loc.path, setSeparately.has(node))) continue;
          for (const { path, name } of expand(node.properties, loc.path, loc.name)) {
            const value = getPath(node.properties, path);
            if (value === undefined || value === null || value === '') continue;
            const policyName = name === undefined ? undefined : getPath(node.properties, name);
            const doc = readPolicyDocument(graph, node, path, loc.purpose, typeof policyName === 'string' ? policyName : undefined);
            out.push(loc.governs ? { ...doc, governs: loc.governs } : doc);
          }
        }
      }
      return out;
    },
  });
}

/** The resources of `type` that a separate resource of `setBy.type` names. */
function nodesSetBy(graph: ResourceGraph, type: string, setBy: NonNullable<DocumentLocation['setBy']>): Set<ResourceNode> {
  const out = new Set<ResourceNode>();
  for (const separate of graph.ofType(setBy.type)) for (const target of targetsOf(graph, separate, setBy.path, [type], setBy.nameProperty)) out.add(target);
  return out;
}

/** `Policies[*].PolicyDocument` → one concrete path per element of `Policies`. */
function expand(properties: PropertyMap, path: string, name: string | undefined): { path: string; name: string | undefined }[] {
  const star = path.indexOf('[*]');
  if (star === -1) return [{ path, name }];
  const list = path.slice(0, star);
  return asList(getPath(properties, list)).map((_, i) => ({
    path: `${list}[${i}]${path.slice(star + 3)}`,
    name: name === undefined ? undefined : `${list}[${i}].${name}`,
  }));
}
