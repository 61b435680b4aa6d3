import { definePolicy } from '../../../src/engine/policy.js';

export default definePolicy({
  id: 'aws-efs-encryption',
  severity: 'high',
  model: 'aws.efs.FileSystem',
  frameworks: {
    guideline: ['4.1'],
    iso27017: ['10.1.1'],
    soc2: ['CC6.1', 'C1.1'],
    cisAwsV3: ['2.4.1'],
    cisAwsV5: ['2.3.1'],
    fsbp: ['EFS.1', 'EFS.8'],
  },
  text: {
    en: {
      title: 'EFS file system not encrypted at rest',
      description:
        'Checks that an EFS file system sets encrypted / Encrypted to true. The EFS API creates an unencrypted file system unless asked (the console and CDK\'s FileSystem encrypt by default, Terraform and CloudFormation do not), and the choice is fixed at creation.',
      rationale:
        'An unencrypted file system keeps its files, and its backups, readable to anyone who gets at the underlying storage or a copy of it. Encryption cannot be turned on later: the data has to be copied to a new, encrypted file system, and every client remounted.',
      fix: 'Set encrypted = true (Encrypted: true), optionally with a customer managed KMS key.',
      remediation:
        'Set encrypted = true (CloudFormation: Encrypted: true) and, if you want to control the key, kms_key_id (KmsKeyId) naming a customer managed KMS key; otherwise EFS uses the AWS managed key aws/elasticfilesystem. For an existing file system, create an encrypted one, copy the data (AWS DataSync, or a restore from AWS Backup into a new file system), and move the mount targets and clients over. To prevent new unencrypted file systems, deny elasticfilesystem:CreateFileSystem when elasticfilesystem:Encrypted is false.',
    },
    ja: {
      title: 'EFS ファイルシステムが保存時に暗号化されていない',
      description:
        'EFS ファイルシステムで encrypted（Encrypted）が true になっているかを確認します。EFS の API は指定しない限り暗号化せずにファイルシステムを作成し（コンソールと CDK の FileSystem は既定で暗号化しますが、Terraform と CloudFormation はしません）、この設定は作成時にしか選べません。',
      rationale:
        '暗号化されていないファイルシステムは、ファイルとそのバックアップが、基盤のストレージやそのコピーにたどり着いた人に読める状態のままになります。後から暗号化を有効にはできず、新しい暗号化済みファイルシステムにデータをコピーし、すべてのクライアントでマウントし直す必要があります。',
      fix: 'encrypted = true（Encrypted: true）を指定してください。必要に応じてカスタマー管理の KMS キーも指定します。',
      remediation:
        'encrypted = true（CloudFormation では Encrypted: true）を指定します。キーを自分で管理したい場合は kms_key_id（KmsKeyId）にカスタマー管理の KMS キーを指定します（指定しなければ AWS 管理キー aws/elasticfilesystem が使われます）。既存のファイルシステムは、暗号化したファイルシステムを新しく作成してデータをコピーし（AWS DataSync や、AWS Backup から新しいファイルシステムへの復元など）、マウントターゲットとクライアントを移行してください。今後暗号化されていないファイルシステムを作らせないためには、elasticfilesystem:Encrypted が false の elasticfilesystem:CreateFileSystem を拒否するポリシーを設定します。',
    },
  },
  messages: {
    en: { notEncrypted: 'EFS file system {{fileSystem}} stores its files unencrypted, and cannot be encrypted later.' },
    ja: { notEncrypted: 'EFS ファイルシステム {{fileSystem}} はファイルを暗号化せずに保存し、後から暗号化することもできません。' },
  },
  snippets: {
    terraform: `resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
  encrypted      = true
  kms_key_id     = aws_kms_key.efs.arn
}`,
    cloudformation: `SharedFileSystem:
  Type: AWS::EFS::FileSystem
  Properties:
    Encrypted: true
    KmsKeyId: !GetAtt EfsKey.Arn`,
    cdk: `new efs.FileSystem(this, 'Shared', {
  vpc,
  encrypted: true,
  kmsKey: key,
});`,
    pulumi: `new aws.efs.FileSystem("shared", {
  encrypted: true,
  kmsKeyId: key.arn,
});`,
  },
  check(fs, { expect }) {
    return expect(fs.encrypted, (on) => on === true, 'notEncrypted', { fileSystem: fs.name.value ?? fs.resource.address });
  },
});
