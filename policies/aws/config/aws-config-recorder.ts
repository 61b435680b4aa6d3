import { definePolicy, type Verdict } from '../../../src/engine/policy.js';

type Message = 'partialRecording' | 'notStarted' | 'stopped';

export default definePolicy({
  id: 'aws-config-recorder',
  severity: 'medium',
  model: 'aws.config.Recorder',
  frameworks: {
    guideline: ['2', '5'],
    iso27017: ['12.1.2', 'CLD.12.4.5'],
    soc2: ['CC7.2', 'CC8.1'],
    cisAwsV3: ['3.3'],
    cisAwsV5: ['3.3'],
    fsbp: ['Config.1'],
  },
  text: {
    en: {
      title: 'AWS Config recorder does not record everything, or is not running',
      description:
        'Checks that the configuration recorder records all supported resource types (recording_group all_supported / AllSupported, or the ALL_SUPPORTED_RESOURCE_TYPES recording strategy; the default when no recording group is written) and that it runs: in Terraform an aws_config_configuration_recorder_status with is_enabled = true, because the recorder resource alone does not start it. CloudFormation starts the recorder once its delivery channel exists.',
      rationale:
        'AWS Config is the history of every resource\'s configuration and the input of Config rules, Security Hub controls and conformance packs. Resource types it does not record — or everything, while the recorder is stopped — have no history: a security group opened for an hour, a bucket made public and reverted, a role changed by an attacker leave no evidence, and compliance checks silently skip them.',
      fix: 'Record all supported resource types and start the recorder (aws_config_configuration_recorder_status is_enabled = true).',
      remediation:
        'Remove resource_types / exclusions from recording_group, or set all_supported = true (CloudFormation RecordingGroup.AllSupported: true, or RecordingStrategy.UseOnly: ALL_SUPPORTED_RESOURCE_TYPES). Set include_global_resource_types = true in one region so IAM is recorded once. In Terraform add aws_config_delivery_channel and aws_config_configuration_recorder_status { name = aws_config_configuration_recorder.main.name, is_enabled = true, depends_on = [aws_config_delivery_channel.main] }. If cost is a concern, use periodic recording for noisy types instead of excluding them.',
    },
    ja: {
      title: 'AWS Config レコーダーがすべてを記録していない、または停止している',
      description:
        '設定レコーダーがサポートされているすべてのリソースタイプを記録しているか（recording_group の all_supported / AllSupported、または記録戦略 ALL_SUPPORTED_RESOURCE_TYPES。記録グループを書かなければこれが既定です）、そして実際に動いているかを確認します。Terraform ではレコーダーのリソースだけでは記録が始まらないため、is_enabled = true の aws_config_configuration_recorder_status が必要です。CloudFormation は配信チャネルができた時点でレコーダーを開始します。',
      rationale:
        'AWS Config はすべてのリソースの設定変更の履歴であり、Config ルール、Security Hub のコントロール、コンフォーマンスパックの入力にもなります。記録していないリソースタイプ（レコーダーが止まっていればすべて）には履歴が残りません。1 時間だけ開放されたセキュリティグループ、公開されて元に戻されたバケット、攻撃者に変更されたロールの証拠が残らず、コンプライアンスのチェックも黙って対象外になります。',
      fix: 'サポートされているすべてのリソースタイプを記録し、レコーダーを開始してください（aws_config_configuration_recorder_status の is_enabled = true）。',
      remediation:
        'recording_group から resource_types や除外設定を外すか、all_supported = true を指定します（CloudFormation では RecordingGroup.AllSupported: true、または RecordingStrategy.UseOnly: ALL_SUPPORTED_RESOURCE_TYPES）。IAM を一度だけ記録するよう、1 つのリージョンで include_global_resource_types = true を指定します。Terraform では aws_config_delivery_channel と aws_config_configuration_recorder_status { name = aws_config_configuration_recorder.main.name, is_enabled = true, depends_on = [aws_config_delivery_channel.main] } を追加してください。費用が気になる場合は、リソースタイプを除外するのではなく、変更の多いタイプを定期記録にします。',
    },
  },
  messages: {
    en: {
      partialRecording: 'Recorder {{recorder}} records only some resource types: changes to the others leave no history.',
      notStarted: 'Recorder {{recorder}} is never started: no aws_config_configuration_recorder_status turns it on.',
      stopped: 'Recorder {{recorder}} is stopped (is_enabled = false): no configuration changes are recorded.',
    },
    ja: {
      partialRecording: 'レコーダー {{recorder}} は一部のリソースタイプしか記録しておらず、ほかのリソースの変更履歴が残りません。',
      notStarted: 'レコーダー {{recorder}} を開始する aws_config_configuration_recorder_status がなく、記録が始まりません。',
      stopped: 'レコーダー {{recorder}} は停止しており（is_enabled = false）、設定変更を記録していません。',
    },
  },
  snippets: {
    terraform: `resource "aws_config_configuration_recorder" "main" {
  name     = "main"
  role_arn = aws_iam_service_linked_role.config.arn

  recording_group {
    all_supported                 = true
    include_global_resource_types = true
  }
}

resource "aws_config_configuration_recorder_status" "main" {
  name       = aws_config_configuration_recorder.main.name
  is_enabled = true
  depends_on = [aws_config_delivery_channel.main]
}`,
    cloudformation: `ConfigRecorder:
  Type: AWS::Config::ConfigurationRecorder
  Properties:
    RoleARN: !Sub arn:\${AWS::Partition}:iam::\${AWS::AccountId}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig
    RecordingGroup:
      AllSupported: true
      IncludeGlobalResourceTypes: true`,
    cdk: `new config.CfnConfigurationRecorder(this, 'Recorder', {
  roleArn: configRole.roleArn,
  recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
});`,
    pulumi: `const recorder = new aws.cfg.Recorder("main", {
  roleArn: configRole.arn,
  recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
});
new aws.cfg.RecorderStatus("main", { name: recorder.name, isEnabled: true }, { dependsOn: [deliveryChannel] });`,
  },
  check(recorder, { fail, unknown, pass }) {
    const verdicts: Verdict<Message>[] = [];
    const data = { recorder: recorder.name.value ?? recorder.resource.address };
    if (recorder.declared) {
      const all = recorder.recordsAllSupported;
      if (all.origin === 'unknown') verdicts.push(unknown(all));
      else if (all.value === false) verdicts.push(fail('partialRecording', all, data));
    }
    const { enabled } = recorder;
    if (enabled.origin === 'unknown') verdicts.push(unknown(enabled));
    else if (enabled.value === false) verdicts.push(fail(enabled.origin === 'default' ? 'notStarted' : 'stopped', enabled, data));
    return verdicts.length > 0 ? verdicts : pass();
  },
});
