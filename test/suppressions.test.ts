import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../policies/index.js';
import { toFindings } from '../src/engine/finding.js';
import { scanText } from '../src/engine/scan.js';

/** Accepted exceptions: each with a reason, optionally an expiry, honoured where the setting lives. */
const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  LogBucket:
    Type: AWS::S3::Bucket
    Metadata:
      sekisho:
        ignore:
          - id: aws-s3-access-logging
            reason: Logging a log bucket would only log the logging.
  ArchiveBucket:
    Type: AWS::S3::Bucket
    Metadata:
      sekisho:
        ignore:
          - id: aws-s3-access-logging
            reason: Replaced by CloudTrail data events.
            expires: "2026-06-30"
  SiteBucket:
    Type: AWS::S3::Bucket
    Properties:
      PublicAccessBlockConfiguration:
        BlockPublicPolicy: false
        RestrictPublicBuckets: false
        BlockPublicAcls: true
        IgnorePublicAcls: true
  SitePolicy:
    Type: AWS::S3::BucketPolicy
    Metadata:
      sekisho:
        ignore:
          - id: aws-s3-bucket-public-policy
            reason: Public website, approved by the security team (ticket SEC-142).
            expires: "2027-01-31"
          - id: aws-s3-bucket-public-acl
          - id: aws-s3-no-such-policy
            reason: typo
    Properties:
      Bucket: !Ref SiteBucket
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: "*"
            Action: s3:GetObject
            Resource: !Sub "\${SiteBucket.Arn}/*"
`;

const run = (today: string) => scanText([{ file: 'app.yaml', text: TEMPLATE }], { policies: builtinPolicies, today });
const byPolicy = (today: string, policyId: string) =>
  toFindings(run(today).results, 'en')
    .filter((f) => f.policyId === policyId)
    .map((f) => ({ resource: f.resource, status: f.status, suppression: f.suppression }));

describe('suppressions', () => {
  it('suppresses a finding on the resource that carries the exception, with its reason', () => {
    expect(byPolicy('2026-11-22', 'aws-s3-access-logging')).toContainEqual({
      resource: 'LogBucket',
      status: 'suppressed',
      suppression: { reason: 'Logging a log bucket would only log the logging.', expired: false, file: 'app.yaml', line: 8 },
    });
  });

  it('honours an exception written where the setting lives (the separate bucket policy)', () => {
    expect(byPolicy('2026-11-22', 'aws-s3-bucket-public-policy')).toEqual([
      {
        resource: 'SiteBucket',
        status: 'suppressed',
        suppression: { reason: 'Public website, approved by the security team (ticket SEC-142).', expires: '2027-01-31', expired: false, file: 'app.yaml', line: 31 },
      },
    ]);
  });

  it('stops suppressing once the expiry has passed, and says so', () => {
    expect(byPolicy('2026-11-22', 'aws-s3-access-logging')).toContainEqual({
      resource: 'ArchiveBucket',
      status: 'fail',
      suppression: { reason: 'Replaced by CloudTrail data events.', expires: '2026-06-30', expired: true, file: 'app.yaml', line: 15 },
    });
    expect(byPolicy('2026-06-30', 'aws-s3-access-logging').find((f) => f.resource === 'ArchiveBucket')?.status).toBe('suppressed');
  });

  it('refuses an exception without a reason, and warns about one naming no policy', () => {
    const { diagnostics } = run('2026-11-22');
    expect(diagnostics.map((d) => [d.level, d.code, d.line])).toEqual([
      ['warning', 'invalid-suppression', 34],
      ['warning', 'unknown-suppression', 35],
    ]);
  });
});
