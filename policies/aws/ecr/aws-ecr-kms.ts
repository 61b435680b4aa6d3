import { definePolicy } from '../../../src/engine/policy.js';

export default definePolicy({
  id: 'aws-ecr-kms',
  severity: 'low',
  model: 'aws.ecr.Repository',
  frameworks: {
    guideline: ['6.4', '6.1'],
    iso27017: ['10.1.2'],
    soc2: ['CC6.1'],
  },
  text: {
    en: {
      title: 'ECR repository encrypted with AES256 rather than a KMS key',
      description:
        'Checks that the repository\'s encryption type (encryption_configuration.encryption_type / EncryptionConfiguration.EncryptionType) is KMS or KMS_DSSE. Left out, ECR encrypts images with AES256 using S3-managed keys, so the images are encrypted either way; this is about who controls the key. The encryption type is fixed when the repository is created.',
      rationale:
        'With AES256, anyone allowed to pull an image gets it decrypted and key use leaves no record of its own. A KMS key — ideally a customer managed one — adds a separate permission on the images, a CloudTrail record of every use, and a way to cut off access by disabling the key. Security Hub ECR.5 and several regulated-industry baselines ask for it.',
      fix: 'Create the repository with encryption_type = "KMS" (EncryptionType: KMS) and a customer managed key.',
      remediation:
        'Set encryption_configuration { encryption_type = "KMS", kms_key = aws_kms_key.images.arn } (EncryptionConfiguration: EncryptionType: KMS, KmsKey: …). The encryption settings cannot change after creation, so the repository is replaced: push the images again, or replicate them, before switching the workloads. Give the key a policy that lets the roles pushing and pulling images use it.',
    },
    ja: {
      title: 'ECR リポジトリが KMS キーではなく AES256 で暗号化されている',
      description:
        'リポジトリの暗号化タイプ（encryption_configuration.encryption_type / EncryptionConfiguration.EncryptionType）が KMS または KMS_DSSE になっているかを確認します。省略すると ECR は S3 管理キーを使った AES256 でイメージを暗号化するため、どちらでもイメージは暗号化されています。論点は鍵を誰が管理するかです。暗号化タイプはリポジトリ作成時に決まり、後から変えられません。',
      rationale:
        'AES256 では、イメージのプルを許された人には復号されたイメージが渡され、鍵の使用記録も別には残りません。KMS キー（できればカスタマー管理キー）を使えば、イメージに対するもう一つの独立した権限になり、使用のたびに CloudTrail に記録され、キーを無効にすればすぐにアクセスを止められます。Security Hub の ECR.5 や、規制の厳しい業界のベースラインではこれが求められます。',
      fix: 'encryption_type = "KMS"（EncryptionType: KMS）とカスタマー管理キーを指定してリポジトリを作成してください。',
      remediation:
        'encryption_configuration { encryption_type = "KMS", kms_key = aws_kms_key.images.arn } を指定します（CloudFormation では EncryptionConfiguration: EncryptionType: KMS と KmsKey）。暗号化設定は作成後に変更できないためリポジトリは作り直しになります。ワークロードを切り替える前に、イメージをプッシュし直すかレプリケーションしてください。キーポリシーでは、イメージをプッシュ・プルするロールがキーを使えるようにします。',
    },
  },
  messages: {
    en: {
      default:
        'ECR repository {{repository}} does not set an encryption type, so ECR encrypts its images with AES256 (S3-managed keys). The images are encrypted; a KMS key would add control over who may decrypt them and a CloudTrail record of each use.',
      aes256:
        'ECR repository {{repository}} is encrypted with AES256 (S3-managed keys). The images are encrypted; a KMS key would add control over who may decrypt them and a CloudTrail record of each use.',
    },
    ja: {
      default:
        'ECR リポジトリ {{repository}} は暗号化タイプを指定していないため、ECR の既定の AES256（S3 管理キー）でイメージが暗号化されます。イメージは暗号化されていますが、KMS キーを使えば復号できる人を管理でき、使用のたびに CloudTrail に記録されます。',
      aes256:
        'ECR リポジトリ {{repository}} は AES256（S3 管理キー）で暗号化されています。イメージは暗号化されていますが、KMS キーを使えば復号できる人を管理でき、使用のたびに CloudTrail に記録されます。',
    },
  },
  snippets: {
    terraform: `resource "aws_ecr_repository" "app" {
  name = "app"
  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = aws_kms_key.images.arn
  }
}`,
    cloudformation: `AppRepository:
  Type: AWS::ECR::Repository
  Properties:
    RepositoryName: app
    EncryptionConfiguration:
      EncryptionType: KMS
      KmsKey: !GetAtt ImagesKey.Arn`,
    cdk: `new ecr.Repository(this, 'App', {
  encryption: ecr.RepositoryEncryption.KMS,
  encryptionKey: imagesKey,
});`,
    pulumi: `new aws.ecr.Repository("app", {
  name: "app",
  encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: imagesKey.arn }],
});`,
  },
  check(repository, { fail, unknown, pass }) {
    const type = repository.encryptionType;
    if (type.origin === 'unknown') return unknown(type);
    if (type.value !== 'AES256') return pass();
    return fail(type.origin === 'default' ? 'default' : 'aes256', type, { repository: repository.name.value ?? repository.resource.address });
  },
});
