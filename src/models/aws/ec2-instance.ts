import type { Attr, Evidence, Model } from '../attr.js';

/**
 * What launches EC2 instances: an instance itself, a launch template, a launch configuration, an
 * Auto Scaling group (with the settings of its launch template or launch configuration).
 */
export type LauncherKind = 'instance' | 'launch-template' | 'launch-configuration' | 'auto-scaling-group';

/** An EBS volume an instance gets at launch, from a block device mapping or the root volume. */
export interface BlockDevice {
  /** `root` for the root volume, else the device name (`/dev/sdf`). */
  readonly device: string;
  readonly isRoot: boolean;
  /**
   * Whether it is encrypted. Unset, a volume is encrypted only if its snapshot (the AMI's, for the
   * root volume) is, or if the account turns on EBS encryption by default: the default is `false`.
   */
  readonly encrypted: Attr<boolean>;
  /** The snapshot it is created from, when one is named: unset `encrypted` then means the snapshot's. */
  readonly snapshot: Attr<string>;
}

/**
 * Something that launches EC2 instances, with the settings they launch with: `aws_instance`,
 * `aws_launch_template`, `aws_launch_configuration`, `aws_autoscaling_group`, `AWS::EC2::Instance`,
 * `AWS::EC2::LaunchTemplate`, `AWS::AutoScaling::LaunchConfiguration`,
 * `AWS::AutoScaling::AutoScalingGroup`.
 *
 * An instance launched from a launch template takes what it does not set itself from the template,
 * and an Auto Scaling group everything but its subnets from its launch template or launch
 * configuration: such fields point at the template when the code defines it (it is checked
 * itself), and are unknown when it does not.
 */
export interface InstanceLauncher extends Model {
  readonly launcher: LauncherKind;
  /** Instance metadata service: `required` (IMDSv2 only) or `optional` (IMDSv1 too). */
  readonly httpTokens: Attr<string>;
  /** `enabled` or `disabled`: a disabled metadata service serves neither version. */
  readonly httpEndpoint: Attr<string>;
  /** Every place that asks for (or refuses) a public IPv4 address on a network interface. */
  readonly publicIpRequests: readonly Attr<boolean>[];
  /**
   * Instances and groups: whether each subnet they launch into assigns public IPv4 addresses, which
   * decides when no request is written. Read from the subnet when the code defines it (the field
   * then points at the subnet); `true` at the launcher when it names no subnet (the default VPC's
   * default subnets); unknown at the launcher otherwise. Empty for templates and configurations:
   * the groups using them name the subnets.
   */
  readonly subnetsAssignPublicIp: readonly Attr<boolean>[];
  /** Instances only: Elastic IP addresses associated with it (`aws_eip`, `AWS::EC2::EIPAssociation`…). */
  readonly elasticIps: readonly Evidence[];
  /**
   * The EBS volumes it launches with. An instance that leaves its volumes to its launch template,
   * and a group, has none here when the template or configuration is in the code (it is checked
   * itself); a launch template mapping none that only instances mapping their own launch from has
   * none either.
   */
  readonly volumes: readonly BlockDevice[];
  /**
   * For an instance that names a launch template, or a group (its launch template or launch
   * configuration), where it names it and whether the code defines it: its volumes and unset
   * settings come from there.
   */
  readonly launchTemplate: { readonly inCode: boolean; readonly at: Evidence } | undefined;
  /**
   * EBS encryption by default, when the same configuration sets it (`aws_ebs_encryption_by_default`):
   * every new volume is then encrypted. `undefined` when the code does not say.
   */
  readonly accountEncryptionByDefault: Attr<boolean> | undefined;
}
