import type { ResourceGraph } from '../../graph/graph.js';
import type { ResourceNode } from '../../graph/resource.js';
import { asList, isMap } from '../../graph/values.js';
import type { OpenSearchDomain } from '../../models/aws/opensearch.js';
import { defineAdapter } from '../adapter.js';
import { isSet } from '../configured.js';
import { readPolicyDocument } from '../iam-document.js';
import { joinChildren, type Joined } from '../join.js';
import { hasSubnets, publishedLogTypes } from '../opensearch-common.js';
import { isOwnValue } from '../read-back.js';
import { bool, isComputedUnwritten, read, readComputed, str, type Parse } from '../read.js';

const DOMAINS = ['aws_opensearch_domain', 'aws_elasticsearch_domain'];
/** The separate access policy resources; either names a domain of either type by its `domain_name` (one namespace in the service). */
const DOMAIN_POLICIES = ['aws_opensearch_domain_policy', 'aws_elasticsearch_domain_policy'];

/**
 * `aws_opensearch_domain` and `aws_elasticsearch_domain`: both encryptions off unless their block
 * enables them; no logs published unless a `log_publishing_options` block names them (its
 * `enabled` defaults to true); fine-grained access control off unless `advanced_security_options`
 * enables it (the provider computes that block, so a plan of a new domain leaves it unknown); in a
 * VPC when `vpc_options` gives subnets; access policies from `access_policies` and from the
 * `aws_opensearch_domain_policy` / `aws_elasticsearch_domain_policy` resources naming the domain.
 * A domain policy whose domain is not in the sources makes no domain of its own: nothing tells
 * where that domain is placed.
 */
export const terraformOpenSearchDomains = defineAdapter({
  kind: 'aws.opensearch.Domain',
  family: 'terraform',
  adapt(graph) {
    const joined = joinChildren(
      graph,
      DOMAINS,
      'domain_name',
      DOMAIN_POLICIES.map((type) => ({ type, paths: ['domain_name'] })),
    );
    return joined.flatMap((j) => (j.parent ? [domainModel(graph, j, j.parent)] : []));
  },
});

function domainModel(graph: ResourceGraph, j: Joined, node: ResourceNode): OpenSearchDomain {
  const separate = DOMAIN_POLICIES.flatMap((type) => j.children.get(type) ?? []);
  // Beside a separate policy, the domain's own `access_policies` in a plan or state is the policy
  // read back; not written, the provider computes it (a plan of a new domain leaves it unknown).
  const own = isSet(node, 'access_policies').value === true && isOwnValue(node, 'access_policies', separate.length > 0) && !isComputedUnwritten(node, 'access_policies');
  return {
    resource: node,
    name: read(node, 'domain_name', str),
    engineVersion: read(node, node.type === 'aws_opensearch_domain' ? 'engine_version' : 'elasticsearch_version', str),
    encryptAtRest: read(node, 'encrypt_at_rest[0].enabled', bool, false),
    nodeToNodeEncryption: read(node, 'node_to_node_encryption[0].enabled', bool, false),
    publishedLogs: read(node, 'log_publishing_options', publishingOptions, []),
    fineGrainedAccessControl: readComputed(node, 'advanced_security_options[0].enabled', bool, false),
    inVpc: read(node, 'vpc_options[0].subnet_ids', hasSubnets, false),
    accessPolicies: [
      ...(own ? [readPolicyDocument(graph, node, 'access_policies', 'resource')] : []),
      ...separate.map((p) => readPolicyDocument(graph, p, 'access_policies', 'resource')),
    ],
  };
}

/** `log_publishing_options` blocks: `{log_type, cloudwatch_log_group_arn, enabled}`. */
const publishingOptions: Parse<readonly string[]> = (v) => publishedLogTypes(asList(v).map((o) => [isMap(o) ? o['log_type'] : undefined, o] as const), 'enabled', true);
