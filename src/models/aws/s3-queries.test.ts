import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../../policies/index.js';
import { toFindings } from '../../engine/finding.js';
import { scanText } from '../../engine/scan.js';
import { Unknown } from '../../graph/values.js';
import { isElbLogDeliveryPrincipal, resourceReach } from './s3-queries.js';

const aws = (value: string | Unknown) => ({ type: 'AWS', value });

describe('Elastic Load Balancing log delivery principals', () => {
  it('are the service principal and each Region’s ELB account, by ID or root ARN in any partition', () => {
    expect(isElbLogDeliveryPrincipal({ type: 'Service', value: 'logdelivery.elasticloadbalancing.amazonaws.com' })).toBe(true);
    expect(isElbLogDeliveryPrincipal(aws('arn:aws:iam::582318560864:root'))).toBe(true);
    expect(isElbLogDeliveryPrincipal(aws('127311923021'))).toBe(true);
    expect(isElbLogDeliveryPrincipal(aws('arn:aws-us-gov:iam::048591011584:root'))).toBe(true);
    expect(isElbLogDeliveryPrincipal(aws('arn:aws-cn:iam::037604701340:root'))).toBe(true);
    // CDK's `logAccessLogs`: the partition is known only at deployment.
    expect(isElbLogDeliveryPrincipal(aws(new Unknown([], 'arn:${AWS::Partition}:iam::582318560864:root')))).toBe(true);
  });

  it('are Terraform’s data.aws_elb_service_account, whose ARN is known only at plan', () => {
    expect(isElbLogDeliveryPrincipal(aws(new Unknown(['data.aws_elb_service_account.main'], '${data.aws_elb_service_account.main.arn}')))).toBe(true);
    expect(isElbLogDeliveryPrincipal(aws(new Unknown(['module.logs.data.aws_elb_service_account.this'])))).toBe(true);
  });

  it('are not other accounts, users of an ELB account, or other services', () => {
    expect(isElbLogDeliveryPrincipal(aws('arn:aws:iam::111122223333:root'))).toBe(false);
    expect(isElbLogDeliveryPrincipal(aws('arn:aws:iam::127311923021:user/someone'))).toBe(false);
    expect(isElbLogDeliveryPrincipal(aws(new Unknown(['data.aws_caller_identity.current'], '${data.aws_caller_identity.current.arn}')))).toBe(false);
    expect(isElbLogDeliveryPrincipal({ type: 'Service', value: 'delivery.logs.amazonaws.com' })).toBe(false);
    expect(isElbLogDeliveryPrincipal({ type: 'Service', value: '127311923021' })).toBe(false);
  });
});

describe('what a Resource of a bucket policy covers', () => {
  const both = { bucket: true, objects: true };
  it('reads literal ARNs against the bucket’s name, wildcards matching across the key', () => {
    expect(resourceReach('logs', 'arn:aws:s3:::logs')).toEqual({ bucket: true, objects: false });
    expect(resourceReach('logs', 'arn:aws:s3:::logs/*')).toEqual({ bucket: false, objects: true });
    expect(resourceReach('logs', 'arn:aws-cn:s3:::logs*')).toEqual(both);
    expect(resourceReach('logs', 'arn:aws:s3:::*')).toEqual(both);
    expect(resourceReach('logs', '*')).toEqual(both);
    expect(resourceReach('logs', 'arn:aws:s3:::logs/2025/*')).toEqual({ bucket: false, objects: false });
    expect(resourceReach('logs', 'arn:aws:s3:::logs/*.gz')).toEqual({ bucket: false, objects: false });
    expect(resourceReach('logs', 'arn:aws:s3:::logsarchive/*')).toEqual({ bucket: false, objects: false });
    expect(resourceReach('logs', 'arn:aws:s3:::Logs')).toEqual({ bucket: false, objects: false });
  });

  it('takes a reference in an ARN’s or a name’s place for the bucket itself', () => {
    expect(resourceReach(undefined, new Unknown(['Logs'], '${Logs.Arn}/*'))).toEqual({ bucket: false, objects: true });
    expect(resourceReach(undefined, new Unknown(['Logs'], '${Logs.Arn}'))).toEqual({ bucket: true, objects: false });
    expect(resourceReach('logs', new Unknown(['aws_s3_bucket.logs'], '${aws_s3_bucket.logs.arn}/*'))).toEqual({ bucket: false, objects: true });
    expect(resourceReach(undefined, new Unknown(['Logs'], 'arn:${AWS::Partition}:s3:::${Logs}/*'))).toEqual({ bucket: false, objects: true });
    expect(resourceReach(undefined, new Unknown(['Logs'], '${Logs.Arn}/exports/*'))).toEqual({ bucket: false, objects: false });
  });

  it('takes a name written with unknown parts and no wildcard for the bucket itself: S3 refuses a policy naming another bucket', () => {
    const named = (shape: string) => resourceReach(undefined, new Unknown([], shape));
    expect(named('arn:${AWS::Partition}:s3:::${AppName}-${AWS::Region}-${AWS::AccountId}')).toEqual({ bucket: true, objects: false });
    expect(named('arn:${AWS::Partition}:s3:::${AppName}-${AWS::Region}-${AWS::AccountId}/*')).toEqual({ bucket: false, objects: true });
    expect(resourceReach('acme-logs', new Unknown([], 'arn:aws:s3:::${Prefix}-logs/*'))).toEqual({ bucket: false, objects: true });
    expect(named('arn:aws:s3:::${AppName}-logs/${Prefix}/*')).toEqual({ bucket: false, objects: false });
  });

  it('is unknown where an unknown part decides', () => {
    expect(resourceReach('logs', new Unknown(['Logs'], '${Logs.Arn}/${Prefix}'))).toEqual({ bucket: false, objects: undefined });
    expect(resourceReach('logs', new Unknown([], '${BucketArn}'))).toEqual({ bucket: undefined, objects: undefined });
    expect(resourceReach('logs', new Unknown(['Logs']))).toEqual({ bucket: undefined, objects: undefined });
    // A literal name where the bucket's own is not known may be it.
    expect(resourceReach(undefined, 'arn:aws:s3:::logs/*')).toEqual({ bucket: false, objects: undefined });
  });
});

describe('which actions of a bucket policy let everyone read its objects', () => {
  const policies = builtinPolicies.filter((p) => p.id === 'aws-s3-website-public');
  const site = (action: string): string => `Parameters:
  Op: { Type: String }
Resources:
  Site:
    Type: AWS::S3::Bucket
    Properties:
      WebsiteConfiguration: { IndexDocument: index.html }
      PublicAccessBlockConfiguration: { BlockPublicPolicy: false, RestrictPublicBuckets: false }
  SitePolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Site
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: "*"
            Action: ${action}
            Resource: !Sub "\${Site.Arn}/*"
`;
  const statuses = (action: string): string[] => toFindings(scanText([{ file: 'template.yaml', text: site(action) }], { policies }).results, 'en').map((f) => f.status);

  it('read actions as the IAM queries do: case and wildcards as IAM matches them, an unknown part only by what is written around it', () => {
    expect(statuses('S3:get*')).toEqual(['fail']);
    expect(statuses('[s3:PutObject, "s3:?etObject"]')).toEqual(['fail']);
    expect(statuses('s3:PutObject')).toEqual([]);
    expect(statuses('!Sub "s3:${Op}"')).toEqual(['unknown']);
    // Whatever the parameter holds, this names no S3 action.
    expect(statuses('!Sub "sqs:${Op}"')).toEqual([]);
  });
});
