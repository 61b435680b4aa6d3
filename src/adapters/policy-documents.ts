import type { ResourceGraph } from '../graph/graph.js';
import type { ResourceNode, SchemaFamily } from '../graph/resource.js';
import { asList, getPath, Unknown, type PropertyMap, type PropertyValue } from '../graph/values.js';
import type { PolicyDocument, PolicyPurpose, PolicyResourceKind, PolicyString } from '../models/aws/iam.js';
import { defineAdapter, type Adapter } from './adapter.js';
import { readPolicyDocument } from './iam-document.js';
import { elementPaths, targetsOf, type ChildLink, type NameOf } from './join.js';
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
  /** For a resource policy written in a resource of its own: how it names the resource it governs. */
  readonly governed?: GovernedLink;
}

/** How a separate resource policy (`AWS::SQS::QueuePolicy`, `aws_sns_topic_policy`…) names the resource it governs. */
export interface GovernedLink {
  /** Where it names it; a list (`Queues`, `Topics`) names several. */
  readonly path: string;
  readonly types: readonly string[];
  /** The governed resource's name, matched where the policy writes a name rather than a reference. */
  readonly nameProperty: string;
  /** The name in what the policy writes, where it writes more than the name (an ARN, a queue URL). */
  readonly nameOf?: NameOf;
  /** The resource the service takes when the policy names none (EventBridge's `default` bus). */
  readonly unnamed?: string;
}

/** A governed link as a join's child link: for an adapter gathering the separate policies of `type` onto the resources they govern. */
export function childLink(type: string, link: GovernedLink): ChildLink {
  return link.nameOf ? { type, paths: [link.path], nameOf: link.nameOf } : { type, paths: [link.path] };
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
            const read = readPolicyDocument(graph, node, path, loc.purpose, typeof policyName === 'string' ? policyName : undefined);
            const doc = loc.governs ? { ...read, governs: loc.governs } : read;
            out.push(...(loc.governed ? onGoverned(graph, node, loc.governed, doc) : [doc]));
          }
        }
      }
      return out;
    },
  });
}

/**
 * `doc`, read from the separate policy `node`, as the policy of each resource it governs: on that
 * resource where the sources define it, as a bucket's own policy is on the bucket (its statements
 * still point into `node`, where they are changed); else on `node`, naming the resource as the
 * policy writes it. A policy listing several resources gives one document for each, so each is
 * reported, suppressed and baselined as the resource it exposes.
 */
export function onGoverned(graph: ResourceGraph, node: ResourceNode, link: GovernedLink, doc: PolicyDocument): PolicyDocument[] {
  const seen = new Set<ResourceNode | PolicyString | undefined>();
  const out: PolicyDocument[] = [];
  for (const path of elementPaths(node, link.path)) {
    const targets = targetsOf(graph, node, path, link.types, link.nameProperty, link.nameOf).filter((t) => t.mode === 'managed');
    const target = targets.length === 1 ? targets[0] : undefined;
    const governedName = target ? undefined : writtenTarget(getPath(node.properties, path), link.unnamed);
    // A resource listed twice is governed once.
    const key = target ?? governedName;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(target ? { ...doc, resource: target } : governedName === undefined ? doc : { ...doc, governedName });
  }
  // A policy naming nothing (`Queues: []`) is refused at deployment; it is still checked.
  return out.length > 0 ? out : [doc];
}

/** The governed resource as the policy writes it: a name or ARN, the service's choice when none is written; anything else only AWS can tell. */
function writtenTarget(value: PropertyValue | undefined, unnamed: string | undefined): PolicyString | undefined {
  if (value === undefined || value === null) return unnamed;
  return typeof value === 'string' || value instanceof Unknown ? value : new Unknown();
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
