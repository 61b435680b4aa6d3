import { definePolicy } from '../../../src/engine/policy.js';

export default definePolicy({
  id: 'aws-guardduty-enabled',
  severity: 'medium',
  model: 'aws.guardduty.Detector',
  frameworks: {
    guideline: ['2', '5'],
    iso27017: ['CLD.12.4.5'],
    soc2: ['CC7.2', 'CC7.3'],
    fsbp: ['GuardDuty.1'],
  },
  text: {
    en: {
      title: 'GuardDuty detector is suspended',
      description:
        'Checks that the GuardDuty detector is enabled: enable is not false on aws_guardduty_detector (it defaults to true), Enable is true on AWS::GuardDuty::Detector. A detector set to false is suspended: it keeps its old findings but analyses nothing.',
      rationale:
        'GuardDuty is the threat detection of the account: it spots credential misuse, crypto mining, instances talking to known malicious hosts, reconnaissance and unusual API activity from CloudTrail, VPC Flow Logs and DNS logs. A suspended detector raises none of these findings, while its presence in the code suggests the account is covered.',
      fix: 'Set enable = true (Enable: true) on the detector.',
      remediation:
        'Set enable = true on aws_guardduty_detector, or remove the argument (it defaults to true); in CloudFormation set Enable: true. To reduce cost, turn off individual protection plans (aws_guardduty_detector_feature) rather than the detector. In an organization, let the delegated administrator enable GuardDuty for all member accounts automatically.',
    },
    ja: {
      title: 'GuardDuty の検出器が停止している',
      description:
        'GuardDuty の検出器が有効になっているかを確認します。aws_guardduty_detector では enable を false にしていないこと（既定値は true）、AWS::GuardDuty::Detector では Enable が true であることを見ます。false にした検出器は一時停止状態になり、過去の検出結果は残りますが、新たな分析は一切行いません。',
      rationale:
        'GuardDuty はアカウントの脅威検出を担います。CloudTrail、VPC フローログ、DNS ログから、認証情報の不正利用、暗号資産の採掘、既知の悪性ホストとの通信、偵察行為、不審な API 操作を見つけます。停止した検出器はこれらを一切検出しないのに、コード上は検出器があるため、監視できているように見えてしまいます。',
      fix: '検出器で enable = true（Enable: true）を指定してください。',
      remediation:
        'aws_guardduty_detector で enable = true を指定するか、引数を削除します（既定値は true です）。CloudFormation では Enable: true を指定します。費用を抑えたい場合は、検出器ごと止めるのではなく、保護プランを個別に無効にしてください（aws_guardduty_detector_feature）。AWS Organizations を使っている場合は、委任管理者からすべてのメンバーアカウントで自動的に有効にします。',
    },
  },
  messages: {
    en: { suspended: 'GuardDuty detector {{detector}} is suspended: no threats are detected in this account and region.' },
    ja: { suspended: 'GuardDuty の検出器 {{detector}} は停止しており、このアカウントとリージョンの脅威を検出しません。' },
  },
  snippets: {
    terraform: `resource "aws_guardduty_detector" "main" {
  enable = true
}`,
    cloudformation: `Detector:
  Type: AWS::GuardDuty::Detector
  Properties:
    Enable: true`,
    cdk: `new guardduty.CfnDetector(this, 'Detector', { enable: true });`,
    pulumi: `new aws.guardduty.Detector("main", { enable: true });`,
  },
  check(detector, { expect }) {
    return expect(detector.enabled, (on) => on !== false, 'suspended', { detector: detector.resource.address });
  },
});
