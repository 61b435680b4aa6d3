/**
 * An example plugin: a company rule written against sekisho's S3 model, so it runs on Terraform
 * plans, CloudFormation and CDK alike. Use it with `sekisho scan --plugin plugins/acme-backups/index.ts`.
 */
import { definePolicy, type SekishoPlugin } from 'sekisho';

const backupVersioning = definePolicy({
  id: 'acme/s3-backup-versioning',
  severity: 'high',
  model: 'aws.s3.Bucket',
  frameworks: { guideline: ['3', '7'], iso27017: ['12.3.1'], soc2: ['A1.2'] },
  text: {
    en: {
      title: 'Backup bucket without versioning',
      description: 'At Acme, every bucket whose name contains "backup" must keep versions of its objects.',
      rationale: 'Without versioning, an overwrite or a deletion — by mistake or by ransomware — destroys the only copy.',
      fix: 'Enable versioning on the bucket (aws_s3_bucket_versioning, VersioningConfiguration).',
      remediation: 'Add aws_s3_bucket_versioning with status = "Enabled" (CloudFormation: VersioningConfiguration: {Status: Enabled}).',
    },
    ja: {
      title: 'バックアップ用バケットでバージョニングが有効になっていない',
      description: 'Acme 社では、名前に "backup" を含むバケットは、オブジェクトの過去の版を残す設定（バージョニング）が必須です。',
      rationale: 'バージョニングがないと、誤操作やランサムウェアによる上書き・削除で、唯一のコピーが失われます。',
      fix: 'バケットのバージョニングを有効にしてください（aws_s3_bucket_versioning、VersioningConfiguration）。',
      remediation: 'aws_s3_bucket_versioning で status = "Enabled" を指定します（CloudFormation では VersioningConfiguration: {Status: Enabled}）。',
    },
  },
  messages: {
    en: { unversioned: 'Backup bucket {{bucket}} does not keep object versions.' },
    ja: { unversioned: 'バックアップ用バケット {{bucket}} はオブジェクトの版を残していません。' },
  },
  snippets: {
    terraform: 'resource "aws_s3_bucket_versioning" "backup" {\n  bucket = aws_s3_bucket.backup.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}',
    cloudformation: 'VersioningConfiguration:\n  Status: Enabled',
    cdk: "new s3.Bucket(this, 'Backup', { versioned: true });",
    pulumi: 'new aws.s3.BucketVersioningV2("backup", { bucket: backup.id, versioningConfiguration: { status: "Enabled" } });',
  },
  check(bucket, { expect, notApplicable }) {
    if (!bucket.name.value?.includes('backup')) return notApplicable();
    return expect(bucket.versioning, (status) => status === 'Enabled', 'unversioned', { bucket: bucket.name.value });
  },
});

const plugin: SekishoPlugin = {
  meta: { name: 'acme-backups', version: '1.0.0', namespace: 'acme' },
  policies: [backupVersioning],
};

export default plugin;
