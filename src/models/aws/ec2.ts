import type { Unknown } from '../../graph/values.js';
import type { Attr, Evidence, Model } from '../attr.js';

export interface SecurityGroupRule {
  readonly direction: 'ingress' | 'egress';
  /** `all`, `tcp`, `udp`, `icmp`, `icmpv6`, or the protocol number as a string; `undefined` if unknown. */
  readonly protocol: string | undefined;
  /** Inclusive port range; both `undefined` when unknown. `all` traffic has 0–65535. */
  readonly fromPort: number | undefined;
  readonly toPort: number | undefined;
  readonly ipv4: readonly (string | Unknown)[];
  readonly ipv6: readonly (string | Unknown)[];
  /** The rule comes from another security group, prefix list or itself rather than CIDRs. */
  readonly hasNonCidrSource: boolean;
  readonly at: Evidence;
  /**
   * Where each CIDR of `ipv4`, then of `ipv6`, is written, so that a finding about one (open to the
   * world, known only at deployment) points at the value to change rather than at the rule.
   */
  readonly cidrsAt: readonly Evidence[];
}

/**
 * A security group with all its rules, inline (`ingress` blocks, `SecurityGroupIngress`) or
 * separate (`aws_security_group_rule`, `aws_vpc_security_group_ingress_rule`,
 * `AWS::EC2::SecurityGroupIngress`).
 */
export interface SecurityGroup extends Model {
  readonly name: Attr<string>;
  /**
   * The VPC's default security group: `aws_default_security_group`, or rules attached to a VPC's
   * `default_security_group_id` / `!GetAtt Vpc.DefaultSecurityGroup`.
   */
  readonly isDefault: boolean;
  /**
   * Set on the default group of a VPC the sources create (the model is anchored on the VPC) when
   * nothing in them takes the group over: `true` as AWS leaves it, with the rules AWS gives it at
   * creation in `rules`; unknown where something that may empty it cannot be tied to a VPC.
   */
  readonly initialRules?: Attr<boolean>;
  readonly rules: readonly SecurityGroupRule[];
}
