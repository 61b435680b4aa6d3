import { definePolicy } from '../../../src/engine/policy.js';

export default definePolicy({
  id: 'aws-cloudtrail-multi-region',
  severity: 'medium',
  model: 'aws.cloudtrail.Trail',
  frameworks: {
    guideline: ['2'],
    iso27017: ['12.4.1', 'CLD.12.4.5'],
    soc2: ['CC7.2'],
    cisAwsV3: ['3.1'],
    cisAwsV5: ['3.1'],
    fsbp: ['CloudTrail.1'],
  },
  text: {
    en: {
      title: 'CloudTrail trail records only one region',
      description:
        'Checks that the trail sets is_multi_region_trail / IsMultiRegionTrail to true. Both Terraform and CloudFormation create single-region trails unless told otherwise.',
      rationale:
        'A single-region trail records nothing that happens in the other regions. Attackers use exactly those regions — to start instances for mining or to hide resources — knowing nobody looks there. Global services (IAM, STS) are also only captured reliably by a multi-region trail.',
      fix: 'Set is_multi_region_trail = true (IsMultiRegionTrail: true).',
      remediation:
        'Set is_multi_region_trail = true (CloudFormation: IsMultiRegionTrail: true) and keep include_global_service_events on. One multi-region trail per account (or an organization trail) is enough; it also records regions enabled later.',
    },
    ja: {
      title: 'CloudTrail の証跡が 1 つのリージョンしか記録していない',
      description:
        '証跡で is_multi_region_trail（IsMultiRegionTrail）が true になっているかを確認します。Terraform でも CloudFormation でも、指定しなければ単一リージョンの証跡になります。',
      rationale:
        '単一リージョンの証跡は、ほかのリージョンで起きた操作を一切記録しません。攻撃者はまさに誰も見ていないリージョンで、暗号資産の採掘用インスタンスを起動したり、リソースを隠したりします。IAM や STS などのグローバルサービスの操作も、マルチリージョンの証跡でないと確実には記録されません。',
      fix: 'is_multi_region_trail = true（IsMultiRegionTrail: true）を指定してください。',
      remediation:
        'is_multi_region_trail = true（CloudFormation では IsMultiRegionTrail: true）を指定し、include_global_service_events も有効のままにします。アカウントごとにマルチリージョンの証跡（または組織の証跡）が 1 つあれば十分で、後から有効にしたリージョンも記録されます。',
    },
  },
  messages: {
    en: { singleRegion: 'Trail {{trail}} records only the region it is created in.' },
    ja: { singleRegion: '証跡 {{trail}} は、作成したリージョンの操作しか記録しません。' },
  },
  snippets: {
    terraform: `resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = aws_s3_bucket.trail.id
  is_multi_region_trail = true
}`,
    cloudformation: `Trail:
  Type: AWS::CloudTrail::Trail
  Properties:
    IsLogging: true
    S3BucketName: !Ref TrailBucket
    IsMultiRegionTrail: true`,
    cdk: `new cloudtrail.Trail(this, 'Main', {
  isMultiRegionTrail: true,
});`,
    pulumi: `new aws.cloudtrail.Trail("main", {
  s3BucketName: trailBucket.id,
  isMultiRegionTrail: true,
});`,
  },
  check(trail, { expect }) {
    return expect(trail.isMultiRegion, (on) => on === true, 'singleRegion', { trail: trail.name.value ?? trail.resource.address });
  },
});
