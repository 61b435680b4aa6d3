import type { Attr, Model } from '../attr.js';

/** A GuardDuty detector (`aws_guardduty_detector`, `AWS::GuardDuty::Detector`). */
export interface GuardDutyDetector extends Model {
  /** `false` suspends GuardDuty: no monitoring, no new findings. */
  readonly enabled: Attr<boolean>;
}
