import type { Unknown } from '../../graph/values.js';
import type { Attr, Evidence, Model } from '../attr.js';

/** One network ACL entry (rule), inline or a separate resource. */
export interface NetworkAclEntry {
  /** `undefined` when a separate entry's egress flag is not known before deployment. */
  readonly direction: 'ingress' | 'egress' | undefined;
  /** `allow` or `deny`; `undefined` when not known before deployment. */
  readonly action: 'allow' | 'deny' | undefined;
  /** The rule number, which orders evaluation (lowest first); `undefined` when unknown. */
  readonly ruleNumber: number | undefined;
  /** `all`, `tcp`, `udp`, `icmp`, … as for security group rules; `undefined` if unknown. */
  readonly protocol: string | undefined;
  /** Inclusive port range; `all` traffic has 0–65535. */
  readonly fromPort: number | undefined;
  readonly toPort: number | undefined;
  /** The entry's CIDR (one of the two is set): a list so that it reads like a security group rule. */
  readonly ipv4: readonly (string | Unknown)[];
  readonly ipv6: readonly (string | Unknown)[];
  readonly at: Evidence;
  /** Where each CIDR of `ipv4`, then of `ipv6`, is written (`CidrBlock`, `ipv6_cidr_block`), as for security group rules. */
  readonly cidrsAt: readonly Evidence[];
}

/**
 * A network ACL with its entries: inline (`ingress`/`egress` blocks of `aws_network_acl` and
 * `aws_default_network_acl`) or separate (`aws_network_acl_rule`, `AWS::EC2::NetworkAclEntry`).
 */
export interface NetworkAcl extends Model {
  /** The VPC's default network ACL (`aws_default_network_acl`, or entries naming a VPC's default ACL). */
  readonly isDefault: boolean;
  readonly entries: readonly NetworkAclEntry[];
}

/** A VPC subnet (`aws_subnet`, `aws_default_subnet`, `AWS::EC2::Subnet`). */
export interface Subnet extends Model {
  /** Instances launched into it get a public IPv4 address unless they ask otherwise. */
  readonly mapPublicIpOnLaunch: Attr<boolean>;
  /** A default VPC's default subnet (`aws_default_subnet`). */
  readonly isDefault: boolean;
}
