import type { CloudTrail } from '../../models/aws/cloudtrail.js';
import { defineAdapter } from '../adapter.js';
import { bool, read, str } from '../read.js';

/** `aws_cloudtrail`, with the provider's defaults: logging on, single-region, no log file validation. */
export const terraformCloudTrails = defineAdapter({
  kind: 'aws.cloudtrail.Trail',
  family: 'terraform',
  adapt(graph) {
    return graph.ofType('aws_cloudtrail').map(
      (node): CloudTrail => ({
        resource: node,
        name: read(node, 'name', str),
        isLogging: read(node, 'enable_logging', bool, true),
        isMultiRegion: read(node, 'is_multi_region_trail', bool, false),
        logFileValidation: read(node, 'enable_log_file_validation', bool, false),
        kmsKeyId: read(node, 'kms_key_id', str),
        cloudWatchLogsGroupArn: read(node, 'cloud_watch_logs_group_arn', str),
        isOrganizationTrail: read(node, 'is_organization_trail', bool, false),
        s3BucketName: read(node, 's3_bucket_name', str),
      }),
    );
  },
});
