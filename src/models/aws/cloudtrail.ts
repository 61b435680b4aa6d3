import type { Attr, Model } from '../attr.js';

/** A CloudTrail trail (`aws_cloudtrail`, `AWS::CloudTrail::Trail`). */
export interface CloudTrail extends Model {
  readonly name: Attr<string>;
  readonly isLogging: Attr<boolean>;
  readonly isMultiRegion: Attr<boolean>;
  readonly logFileValidation: Attr<boolean>;
  readonly kmsKeyId: Attr<string>;
  readonly cloudWatchLogsGroupArn: Attr<string>;
  readonly isOrganizationTrail: Attr<boolean>;
  readonly s3BucketName: Attr<string>;
}
