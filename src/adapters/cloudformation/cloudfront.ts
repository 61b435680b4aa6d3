import type { ResourceNode } from '../../graph/resource.js';
import { asList, getPath, joinPath } from '../../graph/values.js';
import type { Attr } from '../../models/attr.js';
import type { CacheBehavior, CloudFrontDistribution } from '../../models/aws/cloudfront.js';
import { defineAdapter } from '../adapter.js';
import { viewerCertificate } from '../cloudfront-common.js';
import { CLOUDFORMATION_LOG_DELIVERY, logDeliveryOf } from '../log-delivery.js';
import { bool, read, str } from '../read.js';

const CONFIG = 'DistributionConfig';

/** `AWS::CloudFront::Distribution`, with standard logging v2 joined from `AWS::Logs::DeliverySource`/`Delivery`. */
export const cloudFormationCloudFrontDistributions = defineAdapter({
  kind: 'aws.cloudfront.Distribution',
  family: 'cloudformation',
  adapt(graph) {
    return graph.ofType('AWS::CloudFront::Distribution').map((node): CloudFrontDistribution => ({
      resource: node,
      legacyLogBucket: read(node, `${CONFIG}.Logging.Bucket`, str),
      enabled: read(node, `${CONFIG}.Enabled`, bool),
      logDelivery: logDeliveryOf(graph, node, 'ACCESS_LOGS', CLOUDFORMATION_LOG_DELIVERY),
      cacheBehaviors: behaviors(node),
      ...viewerCertificate(node, {
        block: `${CONFIG}.ViewerCertificate`,
        defaultCertificate: 'CloudFrontDefaultCertificate',
        customCertificates: ['AcmCertificateArn', 'IamCertificateId'],
        minimumProtocolVersion: 'MinimumProtocolVersion',
      }),
    }));
  },
});

function behaviors(node: ResourceNode): CacheBehavior[] {
  const policy = (path: string): Attr<string> => read(node, `${path}.ViewerProtocolPolicy`, str);
  return [
    { path: 'default', viewerProtocolPolicy: policy(`${CONFIG}.DefaultCacheBehavior`) },
    ...asList(getPath(node.properties, `${CONFIG}.CacheBehaviors`)).map((_, i) => {
      const path = joinPath(`${CONFIG}.CacheBehaviors`, i);
      return { path: str(getPath(node.properties, `${path}.PathPattern`) ?? '') ?? path, viewerProtocolPolicy: policy(path) };
    }),
  ];
}
