import type { ResourceNode } from '../../graph/resource.js';
import { asList, getPath, joinPath } from '../../graph/values.js';
import type { Attr } from '../../models/attr.js';
import type { CacheBehavior, CloudFrontDistribution } from '../../models/aws/cloudfront.js';
import { defineAdapter } from '../adapter.js';
import { viewerCertificate } from '../cloudfront-common.js';
import { logDeliveryOf, TERRAFORM_LOG_DELIVERY } from '../log-delivery.js';
import { bool, read, str } from '../read.js';


/** `aws_cloudfront_distribution`, with standard logging v2 joined from `aws_cloudwatch_log_delivery_source`/`_delivery`. */
export const terraformCloudFrontDistributions = defineAdapter({
  kind: 'aws.cloudfront.Distribution',
  family: 'terraform',
  adapt(graph) {
    return graph.ofType('aws_cloudfront_distribution').filter((n) => n.mode === 'managed').map((node): CloudFrontDistribution => ({
      resource: node,
      legacyLogBucket: read(node, 'logging_config[0].bucket', str),
      enabled: read(node, 'enabled', bool),
      logDelivery: logDeliveryOf(graph, node, 'ACCESS_LOGS', TERRAFORM_LOG_DELIVERY),
      cacheBehaviors: behaviors(node),
      ...viewerCertificate(node, {
        block: 'viewer_certificate[0]',
        defaultCertificate: 'cloudfront_default_certificate',
        customCertificates: ['acm_certificate_arn', 'iam_certificate_id'],
        minimumProtocolVersion: 'minimum_protocol_version',
      }),
    }));
  },
});

function behaviors(node: ResourceNode): CacheBehavior[] {
  const policy = (path: string): Attr<string> => read(node, `${path}.viewer_protocol_policy`, str);
  return [
    { path: 'default', viewerProtocolPolicy: policy('default_cache_behavior[0]') },
    ...asList(getPath(node.properties, 'ordered_cache_behavior')).map((_, i) => {
      const path = joinPath('ordered_cache_behavior', i);
      return { path: str(getPath(node.properties, `${path}.path_pattern`) ?? '') ?? path, viewerProtocolPolicy: policy(path) };
    }),
  ];
}
