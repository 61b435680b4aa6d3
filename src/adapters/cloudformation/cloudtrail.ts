import type { CloudTrail } from '../../models/aws/cloudtrail.js';
import { defineAdapter } from '../adapter.js';
import { bool, read, str } from '../read.js';

/** `AWS::CloudTrail::Trail`: `IsLogging` is required; multi-region and log file validation default to false. */
export const cloudFormationCloudTrails = defineAdapter({
  kind: 'aws.cloudtrail.Trail',
  family: 'cloudformation',
  adapt(graph) {
    return graph.ofType('AWS::CloudTrail::Trail').map(
      (node): CloudTrail => ({
        resource: node,
        name: read(node, 'TrailName', str),
        isLogging: read(node, 'IsLogging', bool),
        isMultiRegion: read(node, 'IsMultiRegionTrail', bool, false),
        logFileValidation: read(node, 'EnableLogFileValidation', bool, false),
        kmsKeyId: read(node, 'KMSKeyId', str),
        cloudWatchLogsGroupArn: read(node, 'CloudWatchLogsLogGroupArn', str),
        isOrganizationTrail: read(node, 'IsOrganizationTrail', bool, false),
        s3BucketName: read(node, 'S3BucketName', str),
      }),
    );
  },
});
