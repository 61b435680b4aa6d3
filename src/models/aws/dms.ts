import type { Attr, Model } from '../attr.js';

/** An AWS DMS replication instance (`aws_dms_replication_instance`, `AWS::DMS::ReplicationInstance`). */
export interface DmsReplicationInstance extends Model {
  /** `replication_instance_id` / `ReplicationInstanceIdentifier`. */
  readonly identifier: Attr<string>;
  /**
   * Whether the instance gets a public IP address. The DMS API makes it public when the request
   * leaves it out, and CloudFormation leaves it out when the template does (default true); the AWS
   * provider for Terraform always sends it, false when it is not written.
   */
  readonly publiclyAccessible: Attr<boolean>;
}
