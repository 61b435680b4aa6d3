import type { ResourceGraph } from '../graph/graph.js';
import type { ResourceNode } from '../graph/resource.js';
import type { PolicyDocument } from '../models/aws/iam.js';
import { isSet } from './configured.js';
import { readPolicyDocument } from './iam-document.js';
import { isOwnValue } from './read-back.js';

/**
 * How separate policies name an SNS topic or SQS queue when they write it out rather than refer to
 * it: the topic's ARN, `arn:aws:sns:<region>:<account>:<name>`, and the queue's URL,
 * `https://sqs.<region>.amazonaws.com/<account>/<name>`. Joins compare the name.
 */
export const arnName = (arn: string): string => arn.slice(arn.lastIndexOf(':') + 1);

export const queueUrlName = (url: string): string => url.slice(url.lastIndexOf('/') + 1);

/**
 * A Terraform topic's or queue's access policies: its own `policy`, then those of the separate
 * policy resources naming it. Beside a separate one, the resource's `policy` is otherwise the
 * separate one read back.
 */
export function ownThenSeparatePolicies(graph: ResourceGraph, parent: ResourceNode, separate: readonly ResourceNode[]): PolicyDocument[] {
  const own = isSet(parent, 'policy').value === true && isOwnValue(parent, 'policy', separate.length > 0);
  return [...(own ? [parent] : []), ...separate].map((p) => readPolicyDocument(graph, p, 'policy', 'resource'));
}
