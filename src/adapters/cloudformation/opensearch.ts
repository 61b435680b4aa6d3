import type { ResourceGraph } from '../../graph/graph.js';
import type { ResourceNode } from '../../graph/resource.js';
import { isMap } from '../../graph/values.js';
import type { PolicyDocument } from '../../models/aws/iam.js';
import type { OpenSearchDomain } from '../../models/aws/opensearch.js';
import { defineAdapter } from '../adapter.js';
import { isSet } from '../configured.js';
import { readEmbeddedPolicyDocument, readPolicyDocument } from '../iam-document.js';
import { CDK_ACCESS_POLICY, cdkAccessPolicyRequest, hasSubnets, publishedLogTypes } from '../opensearch-common.js';
import { bool, read, str, type Parse } from '../read.js';

/**
 * `AWS::OpenSearchService::Domain` and `AWS::Elasticsearch::Domain`: both encryptions off unless
 * enabled; no logs published unless `LogPublishingOptions` holds the type with `Enabled: true` and a log group;
 * fine-grained access control off unless `AdvancedSecurityOptions.Enabled`; in a VPC when
 * `VPCOptions` gives subnets; access policies from `AccessPolicies` and from the CDK's
 * `Custom::OpenSearchAccessPolicy` resources that set the domain's policy.
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
        inVpc: read(node, 'VPCOptions.SubnetIds', hasSubnets, false),
        accessPolicies: accessPolicies(graph, node),
      }),
    );
  },
});

/** The domain's `AccessPolicies`, then the policy each CDK access policy resource naming it sends. */
function accessPolicies(graph: ResourceGraph, node: ResourceNode): PolicyDocument[] {
  const own = isSet(node, 'AccessPolicies').value === true ? [readPolicyDocument(graph, node, 'AccessPolicies', 'resource')] : [];
  const cdk = graph.referencing(node, [CDK_ACCESS_POLICY]).flatMap((custom) => {
    const request = cdkAccessPolicyRequest(custom);
    // A request of another shape: a policy is set, but which one is not known.
    return [readEmbeddedPolicyDocument(graph, custom, request?.path ?? 'Update', request?.value, 'resource')];
  });
  return [...own, ...cdk];
}

/**
 * `LogPublishingOptions`: a map from log type to `{Enabled, CloudWatchLogsLogGroupArn}`.
 * `Enabled` defaults to false, so an option without it publishes nothing; nor does one without
 * `CloudWatchLogsLogGroupArn`, which CloudFormation requires for a log type to be published.
 */
const publishingOptions: Parse<readonly string[]> = (v) =>
  isMap(v) ? publishedLogTypes(Object.entries(v), 'Enabled', false, 'CloudWatchLogsLogGroupArn') : undefined;
