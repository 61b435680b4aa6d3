import type { OpenSearchDomain } from '../../models/aws/opensearch.js';
import { defineAdapter } from '../adapter.js';
import { bool, read, str } from '../read.js';

/** `AWS::OpenSearchService::Domain` and `AWS::Elasticsearch::Domain`: both encryptions off unless enabled. */
export const cloudFormationOpenSearchDomains = defineAdapter({
  kind: 'aws.opensearch.Domain',
  family: 'cloudformation',
  adapt(graph) {
    return graph.ofType('AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain').map(
      (node): OpenSearchDomain => ({
        resource: node,
        name: read(node, 'DomainName', str),
        engineVersion: read(node, node.type === 'AWS::OpenSearchService::Domain' ? 'EngineVersion' : 'ElasticsearchVersion', str),
        encryptAtRest: read(node, 'EncryptionAtRestOptions.Enabled', bool, false),
        nodeToNodeEncryption: read(node, 'NodeToNodeEncryptionOptions.Enabled', bool, false),
      }),
    );
  },
});
