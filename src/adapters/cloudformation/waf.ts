import type { ResourceNode } from '../../graph/resource.js';
import type { Attr } from '../../models/attr.js';
import { mapValue, read, str } from '../read.js';
import { wafEndpointAdapter, type WafSchema } from '../waf-common.js';
import { cloudFormationApiStages } from './apigateway.js';

/** `Scheme` is `internet-facing` unless written `internal`. */
function internal(node: ResourceNode): Attr<boolean> {
  return mapValue(read(node, 'Scheme', str, 'internet-facing'), (scheme) => scheme === 'internal');
}

const SCHEMA: WafSchema = {
  distributions: ['AWS::CloudFront::Distribution'],
  distribution: { enabled: 'DistributionConfig.Enabled', webAcl: 'DistributionConfig.WebACLId' },
  loadBalancers: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
  loadBalancer: { type: 'Type', arn: 'LoadBalancerArn', internal },
  stageTypes: ['AWS::ApiGateway::Stage'],
  stageArn: undefined,
  restApis: ['AWS::ApiGateway::RestApi'],
  restApi: { path: 'RestApiId', id: 'RestApiId', endpointTypes: 'EndpointConfiguration.Types' },
  associations: ['AWS::WAFv2::WebACLAssociation', 'AWS::WAFRegional::WebACLAssociation'],
  resourceArn: 'ResourceArn',
};

/**
 * `AWS::CloudFront::Distribution` (`DistributionConfig.WebACLId`),
 * `AWS::ElasticLoadBalancingV2::LoadBalancer` of type application and REST API stages
 * (`AWS::ApiGateway::Stage`, the stage of an `AWS::ApiGateway::Deployment`), with the
 * `AWS::WAFv2::WebACLAssociation`s and `AWS::WAFRegional::WebACLAssociation`s naming them.
 */
export const cloudFormationWafEndpoints = wafEndpointAdapter('cloudformation', SCHEMA, cloudFormationApiStages);
