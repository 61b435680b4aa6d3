import type { GuardDutyDetector } from '../../models/aws/guardduty.js';
import { defineAdapter } from '../adapter.js';
import { bool, read } from '../read.js';

/** `AWS::GuardDuty::Detector`: `Enable` is required. */
export const cloudFormationGuardDutyDetectors = defineAdapter({
  kind: 'aws.guardduty.Detector',
  family: 'cloudformation',
  adapt(graph) {
    return graph.ofType('AWS::GuardDuty::Detector').map((node): GuardDutyDetector => ({ resource: node, enabled: read(node, 'Enable', bool) }));
  },
});
