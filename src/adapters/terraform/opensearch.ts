import { asList, isMap } from '../../graph/values.js';
import type { OpenSearchDomain } from '../../models/aws/opensearch.js';
import { defineAdapter } from '../adapter.js';
import { publishedLogTypes } from '../opensearch-common.js';
import { bool, read, readComputed, str, type Parse } from '../read.js';

/**
 * `aws_opensearch_domain` and `aws_elasticsearch_domain`: both encryptions off unless their block
 * enables them; no logs published unless a `log_publishing_options` block names them (its
 * `enabled` defaults to true); fine-grained access control off unless `advanced_security_options`
 * enables it (the provider computes that block, so a plan of a new domain leaves it unknown).
 */
export const terraformOpenSearchDomains = defineAdapter({
  kind: 'aws.opensearch.Domain',
  family: 'terraform',
  adapt(graph) {
    return graph.ofType('aws_opensearch_domain', 'aws_elasticsearch_domain').map(
      (node): OpenSearchDomain => ({
        resource: node,
        name: read(node, 'domain_name', str),
        engineVersion: read(node, node.type === 'aws_opensearch_domain' ? 'engine_version' : 'elasticsearch_version', str),
        encryptAtRest: read(node, 'encrypt_at_rest[0].enabled', bool, false),
        nodeToNodeEncryption: read(node, 'node_to_node_encryption[0].enabled', bool, false),
        publishedLogs: read(node, 'log_publishing_options', publishingOptions, []),
        fineGrainedAccessControl: readComputed(node, 'advanced_security_options[0].enabled', bool, false),
      }),
    );
  },
});

/** `log_publishing_options` blocks: `{log_type, cloudwatch_log_group_arn, enabled}`. */
const publishingOptions: Parse<readonly string[]> = (v) => publishedLogTypes(asList(v).map((o) => [isMap(o) ? o['log_type'] : undefined, o] as const), 'enabled', true);
