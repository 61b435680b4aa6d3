import type { Attr, Model } from '../attr.js';

/** An AWS Config configuration recorder (`aws_config_configuration_recorder`, `AWS::Config::ConfigurationRecorder`). */
export interface ConfigRecorder extends Model {
  readonly name: Attr<string>;
  /** Records every supported resource type (`all_supported`, or the `ALL_SUPPORTED_RESOURCE_TYPES` strategy). */
  readonly recordsAllSupported: Attr<boolean>;
  /**
   * The recorder is started: `aws_config_configuration_recorder_status.is_enabled` in Terraform
   * (the recorder resource alone does not start it); CloudFormation starts it with the delivery channel.
   */
  readonly enabled: Attr<boolean>;
  /** `false` when only a recorder status resource naming it is in the sources. */
  readonly declared: boolean;
}
