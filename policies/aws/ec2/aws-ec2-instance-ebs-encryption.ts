import { phrase, shown } from '../../../src/i18n/phrase.js';
import { definePolicy, type Verdict } from '../../../src/engine/policy.js';
import { fromTemplateOutside } from '../../../src/models/aws/ec2-queries.js';

type Message = 'notEncrypted' | 'rootNotEncrypted' | 'rootFromAmi' | 'fromSnapshot' | 'templateOutside';

export default definePolicy({
  id: 'aws-ec2-instance-ebs-encryption',
  severity: 'medium',
  model: 'aws.ec2.InstanceLauncher',
  frameworks: {
    guideline: ['4.1'],
    iso27017: ['10.1.1', 'CLD.9.5.2'],
    soc2: ['CC6.1', 'C1.1'],
    fsbp: ['EC2.3', 'EC2.181'],
  },
  text: {
    en: {
      title: 'EC2 instance or launch template volumes not encrypted',
      description:
        'Checks that the EBS volumes an instance, launch template or launch configuration launches with are encrypted: root_block_device and ebs_block_device of aws_instance and aws_launch_configuration, block_device_mappings of aws_launch_template, BlockDeviceMappings of AWS::EC2::Instance, AWS::AutoScaling::LaunchConfiguration and the LaunchTemplateData of AWS::EC2::LaunchTemplate. A volume is encrypted when encrypted / Encrypted is true; left unset, it is encrypted only if its snapshot is (the AMI\'s, for the root volume) or the account encrypts new volumes by default. aws_ebs_encryption_by_default in the same configuration passes every volume. Where EBS volumes are mapped, which one is the root volume depends on the AMI, so only the mapped volumes are checked; with none (no mappings, or only instance store volumes and NoDevice), the root volume is the AMI\'s and is checked — except in a launch template that only instances mapping their own volumes launch from (the template CDK makes for an instance\'s requireImdsv2), whose root volume is never launched. An Auto Scaling group (aws_autoscaling_group, AWS::AutoScaling::AutoScalingGroup) launches with the volumes of its launch template or launch configuration, which are checked there. Volumes created from a named snapshot take its encryption and cannot be decided. Separate aws_ebs_volume / AWS::EC2::Volume resources are not covered here.',
      rationale:
        'An unencrypted volume, and every snapshot taken from it, can be read by whoever gets a copy: a snapshot shared by mistake, copied to another account or restored outside your controls. Encryption cannot be switched on for an existing volume; it has to be copied through an encrypted snapshot, with downtime.',
      fix: 'Set encrypted = true on each volume (Encrypted: true), or turn on EBS encryption by default for the account (aws_ebs_encryption_by_default).',
      remediation:
        'Set encrypted = true in root_block_device and every ebs_block_device (launch templates: ebs { encrypted = true } in each block_device_mappings; CloudFormation: Ebs: { Encrypted: true } in each BlockDeviceMappings entry), optionally with kms_key_id / KmsKeyId. Better still, turn on EBS encryption by default in every Region you use (aws_ebs_encryption_by_default { enabled = true }, or the EC2 console\'s account attributes), so that volumes created any way are encrypted. For existing instances, snapshot the volumes, copy the snapshots with encryption and replace the volumes.',
    },
    ja: {
      title: 'EC2 インスタンスや起動テンプレートのボリュームが暗号化されていない',
      description:
        'インスタンス、起動テンプレート、起動設定が起動時に作る EBS ボリュームが暗号化されているかを確認します。対象は aws_instance と aws_launch_configuration の root_block_device と ebs_block_device、aws_launch_template の block_device_mappings、AWS::EC2::Instance と AWS::AutoScaling::LaunchConfiguration の BlockDeviceMappings、AWS::EC2::LaunchTemplate の LaunchTemplateData の BlockDeviceMappings です。encrypted（Encrypted）が true なら暗号化されます。指定しない場合に暗号化されるのは、元のスナップショット（ルートボリュームなら AMI のスナップショット）が暗号化されているか、アカウントで EBS のデフォルト暗号化を有効にしている場合だけです。同じ構成に aws_ebs_encryption_by_default があればすべて合格です。EBS ボリュームをマッピングしている場合、どれがルートボリュームかは AMI によるため、書かれたボリュームだけを確認します。EBS のマッピングがなければ（マッピング自体がないか、インスタンスストアや NoDevice だけの場合）、ルートボリュームは AMI のものになるため、それを確認します。ただし、自身でボリュームをマッピングしたインスタンスだけが使う起動テンプレート（CDK がインスタンスの requireImdsv2 のために作るもの）は、そのルートボリュームが使われないため確認しません。Auto Scaling グループ（aws_autoscaling_group、AWS::AutoScaling::AutoScalingGroup）のボリュームは起動テンプレートや起動設定のものなので、そちらで確認します。指定したスナップショットから作るボリュームは、その暗号化を引き継ぐため判定できません。単独の aws_ebs_volume / AWS::EC2::Volume はこのポリシーの対象外です。',
      rationale:
        '暗号化されていないボリュームと、そこから取ったスナップショットは、コピーを手に入れた人なら誰でも読めます（誤って共有したスナップショット、別アカウントへのコピー、管理外での復元など）。既存のボリュームは後から暗号化できず、暗号化したスナップショットを経由して作り直す必要があり、停止を伴います。',
      fix: '各ボリュームで encrypted = true（Encrypted: true）を指定するか、アカウントで EBS のデフォルト暗号化（aws_ebs_encryption_by_default）を有効にしてください。',
      remediation:
        'root_block_device とすべての ebs_block_device に encrypted = true を指定します（起動テンプレートでは各 block_device_mappings の ebs { encrypted = true }、CloudFormation では各 BlockDeviceMappings の Ebs: { Encrypted: true }）。必要に応じて kms_key_id（KmsKeyId）も指定します。より確実なのは、使うすべてのリージョンで EBS のデフォルト暗号化を有効にすることです（aws_ebs_encryption_by_default { enabled = true }、または EC2 コンソールのアカウント属性）。どの方法で作ったボリュームも暗号化されます。既存のインスタンスは、スナップショットを取って暗号化を指定してコピーし、ボリュームを置き換えてください。',
    },
  },
  messages: {
    en: {
      notEncrypted: '{{resource}} launches with volume {{device}} unencrypted.',
      rootNotEncrypted: '{{resource}} launches with its root volume unencrypted.',
      rootFromAmi: '{{resource}} does not encrypt its root volume: it is created from the AMI\'s snapshot, encrypted only if that snapshot is or the account encrypts new volumes by default.',
      fromSnapshot: 'Volume {{device}} of {{resource}} takes its encryption from snapshot {{snapshot}}, which this code does not show.',
      templateOutside: '{{resource}} takes its volumes from a launch template or launch configuration that this code does not define.',
    },
    ja: {
      notEncrypted: '{{resource}} はボリューム {{device}} を暗号化せずに起動します。',
      rootNotEncrypted: '{{resource}} はルートボリュームを暗号化せずに起動します。',
      rootFromAmi: '{{resource}} はルートボリュームを暗号化していません。ルートボリュームは AMI のスナップショットから作られ、そのスナップショットが暗号化されているか、アカウントでデフォルト暗号化を有効にしている場合にしか暗号化されません。',
      fromSnapshot: '{{resource}} のボリューム {{device}} はスナップショット {{snapshot}} の暗号化を引き継ぐため、このコードからは判定できません。',
      templateOutside: '{{resource}} のボリュームは、このコードで定義していない起動テンプレートや起動設定から引き継がれます。',
    },
  },
  snippets: {
    terraform: `resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}

resource "aws_instance" "app" {
  ami           = data.aws_ami.al2023.id
  instance_type = "t3.micro"
  root_block_device {
    encrypted = true
  }
}`,
    cloudformation: `AppLaunchTemplate:
  Type: AWS::EC2::LaunchTemplate
  Properties:
    LaunchTemplateData:
      BlockDeviceMappings:
        - DeviceName: /dev/xvda
          Ebs:
            VolumeSize: 30
            Encrypted: true`,
    cdk: `new ec2.Instance(this, 'App', {
  vpc,
  instanceType: new ec2.InstanceType('t3.micro'),
  machineImage: ec2.MachineImage.latestAmazonLinux2023(),
  blockDevices: [{ deviceName: '/dev/xvda', volume: ec2.BlockDeviceVolume.ebs(30, { encrypted: true }) }],
});`,
    pulumi: `new aws.ebs.EncryptionByDefault("this", { enabled: true });

new aws.ec2.Instance("app", {
  ami: ami.id,
  instanceType: "t3.micro",
  rootBlockDevice: { encrypted: true },
});`,
  },
  check(launcher, { fail, unknown, pass }) {
    const byDefault = launcher.accountEncryptionByDefault;
    if (byDefault && byDefault.origin !== 'unknown' && byDefault.value === true) return pass();
    const resource = launcher.resource.address;
    const verdicts: Verdict<Message>[] = [];
    for (const volume of launcher.volumes) {
      const { encrypted, snapshot } = volume;
      if (fromTemplateOutside(launcher, encrypted)) verdicts.push(unknown(encrypted, 'templateOutside', { resource }));
      else if (encrypted.origin === 'unknown') verdicts.push(unknown(encrypted));
      else if (encrypted.value === true) continue;
      else if (encrypted.origin === 'default' && snapshot.origin !== 'default') {
        verdicts.push(unknown(snapshot, 'fromSnapshot', { resource, device: volume.device, snapshot: shown(snapshot, phrase('(its ID known only at deployment)', '(ID はデプロイ時に決まる)')) }));
      } else if (byDefault?.origin === 'unknown') verdicts.push(unknown(byDefault));
      else if (volume.isRoot) verdicts.push(fail(encrypted.origin === 'default' ? 'rootFromAmi' : 'rootNotEncrypted', encrypted, { resource }));
      else verdicts.push(fail('notEncrypted', encrypted, { resource, device: volume.device }));
    }
    return verdicts.length > 0 ? verdicts : pass();
  },
});
