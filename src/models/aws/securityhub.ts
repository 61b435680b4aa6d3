import type { ResourceNode } from '../../graph/resource.js';
import type { Attr, Model } from '../attr.js';

/**
 * The account-level security services one source unit (a plan, a template, a CDK stack) manages,
 * and whether it enables Security Hub CSPM. `resource` is the first baseline service.
 */
export interface SecurityBaseline extends Model {
  /** Account-level services the unit defines: trails, Config recorders, GuardDuty detectors, … */
  readonly services: readonly ResourceNode[];
  /** `aws_securityhub_account` / `AWS::SecurityHub::Hub`, or a standards subscription that needs it. */
  readonly securityHub: Attr<boolean>;
}
