import { definePolicy } from '../../../src/engine/policy.js';

export default definePolicy({
  id: 'aws-cloudtrail-cloudwatch',
  severity: 'low',
  model: 'aws.cloudtrail.Trail',
  frameworks: {
    guideline: ['2'],
    iso27017: ['12.4.1', 'CLD.12.4.5'],
    soc2: ['CC7.2'],
    fsbp: ['CloudTrail.5'],
  },
  text: {
    en: {
      title: 'CloudTrail trail does not deliver to CloudWatch Logs',
      description:
        'Checks that the trail sends its events to a CloudWatch Logs log group (cloud_watch_logs_group_arn / CloudWatchLogsLogGroupArn, with the role CloudTrail uses to write there). Trails deliver only to S3 unless a log group is given.',
      rationale:
        'Events that only land in S3 arrive in batches and are read when someone goes looking. Delivered to CloudWatch Logs, they can drive metric filters and alarms within minutes — root account use, console sign-in without MFA, changes to IAM policies, security groups or the trail itself — so an intrusion is noticed while it is happening rather than during a later review.',
      fix: 'Set cloud_watch_logs_group_arn and cloud_watch_logs_role_arn (CloudWatchLogsLogGroupArn, CloudWatchLogsRoleArn).',
      remediation:
        'Create a log group and an IAM role that CloudTrail (cloudtrail.amazonaws.com) can assume with logs:CreateLogStream and logs:PutLogEvents on it, then set cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*" and cloud_watch_logs_role_arn on the trail (CloudFormation: CloudWatchLogsLogGroupArn, CloudWatchLogsRoleArn; CDK: sendToCloudWatchLogs: true). Add metric filters and alarms for the events you must react to. If events are streamed to a SIEM or EventBridge rules instead, this finding can be suppressed with that reason.',
    },
    ja: {
      title: 'CloudTrail の証跡が CloudWatch Logs に送信されていない',
      description:
        '証跡がイベントを CloudWatch Logs のロググループにも送っているか（cloud_watch_logs_group_arn / CloudWatchLogsLogGroupArn と、書き込みに使う IAM ロール）を確認します。ロググループを指定しない証跡は S3 にしか出力しません。',
      rationale:
        'S3 に保存されるだけのイベントはまとめて届き、誰かが探しに行くまで読まれません。CloudWatch Logs に送っておけば、ルートユーザーの利用、MFA なしのコンソールサインイン、IAM ポリシーやセキュリティグループ、証跡自体の変更などをメトリクスフィルターとアラームで数分以内に検知でき、侵入に後日の見直しではなくその場で気付けます。',
      fix: 'cloud_watch_logs_group_arn と cloud_watch_logs_role_arn（CloudWatchLogsLogGroupArn、CloudWatchLogsRoleArn）を指定してください。',
      remediation:
        'ロググループと、CloudTrail（cloudtrail.amazonaws.com）が引き受けられる IAM ロール（そのロググループへの logs:CreateLogStream と logs:PutLogEvents を許可）を作成し、証跡に cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*" と cloud_watch_logs_role_arn を指定します（CloudFormation では CloudWatchLogsLogGroupArn と CloudWatchLogsRoleArn、CDK では sendToCloudWatchLogs: true）。対応が必要なイベントにはメトリクスフィルターとアラームを設定してください。SIEM への転送や EventBridge ルールで代わりに監視している場合は、その理由を添えてこの指摘を抑止して構いません。',
    },
  },
  messages: {
    en: { noCloudWatch: 'Trail {{trail}} delivers to S3 only: no alarm can fire on its events.' },
    ja: { noCloudWatch: '証跡 {{trail}} は S3 にしか出力しておらず、イベントをもとにアラームを発報できません。' },
  },
  snippets: {
    terraform: `resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = aws_s3_bucket.trail.id
  is_multi_region_trail      = true
  cloud_watch_logs_group_arn = "\${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn  = aws_iam_role.trail_to_logs.arn
}`,
    cloudformation: `Trail:
  Type: AWS::CloudTrail::Trail
  Properties:
    IsLogging: true
    S3BucketName: !Ref TrailBucket
    CloudWatchLogsLogGroupArn: !GetAtt TrailLogGroup.Arn
    CloudWatchLogsRoleArn: !GetAtt TrailToLogsRole.Arn`,
    cdk: `new cloudtrail.Trail(this, 'Main', {
  isMultiRegionTrail: true,
  sendToCloudWatchLogs: true,
});`,
    pulumi: `new aws.cloudtrail.Trail("main", {
  s3BucketName: trailBucket.id,
  cloudWatchLogsGroupArn: pulumi.interpolate\`\${trailLogs.arn}:*\`,
  cloudWatchLogsRoleArn: trailToLogs.arn,
});`,
  },
  check(trail, { fail, pass }) {
    const arn = trail.cloudWatchLogsGroupArn;
    // An ARN known only after deployment (a log group created alongside) is still a log group.
    if (arn.origin === 'unknown' || (arn.value !== undefined && arn.value !== '')) return pass();
    return fail('noCloudWatch', arn, { trail: trail.name.value ?? trail.resource.address });
  },
});
