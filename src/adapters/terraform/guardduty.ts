import type { GuardDutyDetector } from '../../models/aws/guardduty.js';
import { defineAdapter } from '../adapter.js';
import { bool, read } from '../read.js';

/** `aws_guardduty_detector`: enabled unless `enable = false`. */
export const terraformGuardDutyDetectors = defineAdapter({
  kind: 'aws.guardduty.Detector',
  family: 'terraform',
  adapt(graph) {
    return graph.ofType('aws_guardduty_detector').filter((n) => n.mode === 'managed').map((node): GuardDutyDetector => ({ resource: node, enabled: read(node, 'enable', bool, true) }));
  },
});
