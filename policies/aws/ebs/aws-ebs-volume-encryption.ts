import { definePolicy } from '../../../src/engine/policy.js';

export default definePolicy({
  id: 'aws-ebs-volume-encryption',
  severity: 'medium',
  model: 'aws.ebs.Volume',
  frameworks: {
    guideline: ['4.1'],
    iso27017: ['10.1.1'],
    soc2: ['CC6.1', 'C1.1'],
    fsbp: ['EC2.3'],
  },
  text: {
    en: {
      title: 'EBS volume not encrypted',
      description:
        'Checks that an EBS volume sets encrypted / Encrypted to true. EBS creates unencrypted volumes unless the volume asks for encryption or the account has EBS encryption by default turned on for the Region, which is off unless enabled. A volume passes when an aws_ebs_encryption_by_default in the same configuration turns that setting on (a volume created in the same apply should depend on it, or it may be created first), unless it already exists unencrypted (a plan keeps or updates it, or a state records it): encryption by default leaves existing volumes as they are; a volume restored from a snapshot keeps the snapshot\'s encryption, so without encrypted = true it cannot be decided from the code; a volume copy (SourceVolumeId) is always encrypted.',
      rationale:
        'An unencrypted volume, and every snapshot taken from it, can be read by anyone who obtains a copy: a snapshot shared by mistake, made public, or copied to another account. Encryption cannot be switched on for an existing volume: the data has to be copied to a new encrypted volume, through an encrypted snapshot.',
      fix: 'Set encrypted = true (Encrypted: true), or turn on EBS encryption by default for the account and Region.',
      remediation:
        'Set encrypted = true on the volume (CloudFormation: Encrypted: true), optionally with kms_key_id (KmsKeyId) naming a customer managed KMS key; without one the account\'s default EBS key (aws/ebs) is used. Better still, turn on EBS encryption by default in every Region you use (aws_ebs_encryption_by_default, or `aws ec2 enable-ebs-encryption-by-default`), so that no new volume can be created unencrypted. Existing volumes stay as they are: snapshot them, copy the snapshot with encryption, and replace the volume with one created from the encrypted copy.',
    },
    ja: {
      title: 'EBS ボリュームが暗号化されていない',
      description:
        'EBS ボリュームで encrypted（Encrypted）が true になっているかを確認します。EBS は、ボリューム側で暗号化を指定するか、アカウントでそのリージョンの「EBS のデフォルト暗号化」を有効にしない限り、暗号化せずにボリュームを作成します（デフォルト暗号化は有効にしない限りオフです）。同じ構成内の aws_ebs_encryption_by_default がデフォルト暗号化を有効にしていれば合格とします（同じ apply で作成するボリュームは、先に作成されないようにこのリソースへの依存関係を持たせてください）。ただし、暗号化されないまま既に存在するボリューム（プランで変更なし・インプレース更新となるもの、state に記録されているもの）は、デフォルト暗号化を有効にしてもそのままなので合格にはなりません。スナップショットから作成するボリュームは暗号化の有無をスナップショットから引き継ぐため、encrypted = true がなければコードからは判定できません。ボリュームのコピー（SourceVolumeId）は常に暗号化されます。',
      rationale:
        '暗号化されていないボリュームは、そこから取得したスナップショットも含め、コピーを手に入れた人なら誰でも中身を読めます（誤って共有・公開したスナップショットや、別アカウントにコピーされたスナップショットなど）。既存のボリュームは後から暗号化できず、暗号化したスナップショットを経由して新しいボリュームへデータを移す必要があります。',
      fix: 'encrypted = true（Encrypted: true）を指定するか、アカウントのそのリージョンで EBS のデフォルト暗号化を有効にしてください。',
      remediation:
        'ボリュームに encrypted = true（CloudFormation では Encrypted: true）を指定します。必要に応じて kms_key_id（KmsKeyId）でカスタマー管理の KMS キーを指定します（指定しなければアカウントの EBS 用デフォルトキー aws/ebs が使われます）。あわせて、使用するすべてのリージョンで EBS のデフォルト暗号化を有効にしておくと（aws_ebs_encryption_by_default、または `aws ec2 enable-ebs-encryption-by-default`）、暗号化されていないボリュームをそもそも作れなくなります。既存のボリュームはそのままでは変わらないため、スナップショットを取得して暗号化を指定してコピーし、そのコピーから作成したボリュームに置き換えてください。',
    },
  },
  messages: {
    en: {
      notEncrypted: 'EBS volume {{volume}} is not encrypted: its data and every snapshot of it can be read by whoever obtains a copy.',
      fromSnapshot: 'EBS volume {{volume}} takes its encryption from snapshot {{snapshot}}, which this code does not show.',
    },
    ja: {
      notEncrypted: 'EBS ボリューム {{volume}} は暗号化されていません。コピーやスナップショットを手に入れた人なら誰でもデータを読めます。',
      fromSnapshot: 'EBS ボリューム {{volume}} の暗号化はスナップショット {{snapshot}} から引き継がれるため、このコードからは判定できません。',
    },
  },
  snippets: {
    terraform: `resource "aws_ebs_volume" "data" {
  availability_zone = "ap-northeast-1a"
  size              = 100
  encrypted         = true
  kms_key_id        = aws_kms_key.ebs.arn
}

# Encrypt every new volume in this account and Region
resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}`,
    cloudformation: `DataVolume:
  Type: AWS::EC2::Volume
  Properties:
    AvailabilityZone: ap-northeast-1a
    Size: 100
    Encrypted: true
    KmsKeyId: !Ref EbsKey`,
    cdk: `new ec2.Volume(this, 'Data', {
  availabilityZone: 'ap-northeast-1a',
  size: Size.gibibytes(100),
  encrypted: true,
});`,
    pulumi: `new aws.ebs.Volume("data", {
  availabilityZone: "ap-northeast-1a",
  size: 100,
  encrypted: true,
});`,
  },
  check(volume, { expect, pass, unknown }) {
    const data = { volume: volume.resource.address };
    if (volume.encrypted.value === true) return pass();
    // A copy of a volume is always encrypted: EBS cannot copy an unencrypted one.
    if (volume.sourceVolumeId.origin !== 'default') return pass();
    if (volume.encryptionByDefault.value === true) return pass();
    if (volume.encryptionByDefault.origin === 'unknown') return unknown(volume.encryptionByDefault);
    if (volume.snapshotId.origin !== 'default') return unknown(volume.snapshotId, 'fromSnapshot', { ...data, snapshot: volume.snapshotId.value ?? volume.snapshotId.at.path });
    return expect(volume.encrypted, (on) => on === true, 'notEncrypted', data);
  },
});
