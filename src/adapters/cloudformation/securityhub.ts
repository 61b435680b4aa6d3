import { defineAdapter } from '../adapter.js';
import { SECURITY_HUB_TYPES, securityBaselines } from '../securityhub-common.js';

/** Templates and CDK stacks that manage account-level security services, with or without `AWS::SecurityHub::Hub`. */
export const cloudFormationSecurityBaselines = defineAdapter({
  kind: 'aws.securityhub.AccountBaseline',
  family: 'cloudformation',
  adapt(graph) {
    return securityBaselines(graph, {
      services: ['AWS::CloudTrail::Trail', 'AWS::Config::ConfigurationRecorder', 'AWS::GuardDuty::Detector'],
      hub: SECURITY_HUB_TYPES,
    });
  },
});
