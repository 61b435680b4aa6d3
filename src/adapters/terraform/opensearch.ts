import type { OpenSearchDomain } from '../../models/aws/opensearch.js';
import { defineAdapter } from '../adapter.js';
import { bool, read, str } from '../read.js';

/** `aws_opensearch_domain` and `aws_elasticsearch_domain`: both encryptions off unless their block enables them. */
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
      }),
    );
  },
});
