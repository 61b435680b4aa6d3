import { isMap } from '../../graph/values.js';
import type { OpenSearchDomain } from '../../models/aws/opensearch.js';
import { defineAdapter } from '../adapter.js';
import { publishedLogTypes } from '../opensearch-common.js';
import { bool, read, str, type Parse } from '../read.js';

/**
 * `AWS::OpenSearchService::Domain` and `AWS::Elasticsearch::Domain`: both encryptions off unless
 * enabled; no logs published unless `LogPublishingOptions` holds the type with `Enabled: true`;
 * fine-grained access control off unless `AdvancedSecurityOptions.Enabled`.
 */
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
        publishedLogs: read(node, 'LogPublishingOptions', publishingOptions, []),
        fineGrainedAccessControl: read(node, 'AdvancedSecurityOptions.Enabled', bool, false),
      }),
    );
  },
});

/**
 * `LogPublishingOptions`: a map from log type to `{Enabled, CloudWatchLogsLogGroupArn}`.
 * `Enabled` defaults to false, so an option without it publishes nothing.
 */
const publishingOptions: Parse<readonly string[]> = (v) => (isMap(v) ? publishedLogTypes(Object.entries(v), 'Enabled', false) : undefined);
