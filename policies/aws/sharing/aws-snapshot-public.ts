import { phrase } from '../../../src/i18n/phrase.js';
import { definePolicy, type Verdict } from '../../../src/engine/policy.js';
import type { SharedCopyKind } from '../../../src/models/aws/sharing.js';

type Message = 'ami' | 'dbSnapshot' | 'imageBuilder';

/** The group that stands for every AWS account, in launch permissions and RDS snapshot attributes alike. */
const EVERYONE = 'all';

const MESSAGE: Readonly<Record<SharedCopyKind, Message>> = {
  ami: 'ami',
  'db-snapshot': 'dbSnapshot',
  'db-cluster-snapshot': 'dbSnapshot',
  'image-builder': 'imageBuilder',
};

export default definePolicy({
  id: 'aws-snapshot-public',
  severity: 'critical',
  model: 'aws.sharing.SharedCopy',
  frameworks: {
    guideline: ['4.1', '6.3', '7'],
    iso27017: ['9.4.1'],
    soc2: ['CC6.1', 'C1.1'],
    fsbp: ['RDS.1'],
  },
  text: {
    en: {
      title: 'AMI or RDS snapshot shared with every AWS account',
      description:
        'Checks that no Amazon Machine Image (AMI), Amazon RDS snapshot or EC2 Image Builder distribution is shared with the group "all": group = "all" on aws_ami_launch_permission, "all" in shared_accounts of aws_db_snapshot and aws_db_cluster_snapshot, and "all" in the launch permission user groups of an EC2 Image Builder distribution configuration (user_groups in Terraform, UserGroups in CloudFormation and the CDK). "all" does not mean the internet at large: it means every AWS account, and anyone can open one. CloudFormation and the CDK can share only through EC2 Image Builder; they have no resource for AMI launch permissions or snapshot sharing. Amazon EBS snapshots cannot be made public from Terraform or CloudFormation (aws_snapshot_create_volume_permission takes one account ID), so they are not checked here.',
      rationale:
        'A public AMI can be launched and copied by anyone with an AWS account, who can then read every file on its disks: credentials, keys and configuration baked into the image, application code, data left on the volumes. A public RDS snapshot can be copied or restored as a database in someone else\'s account, with every table and user it held. Public images and snapshots are listed where other accounts search for them, and a copy taken while the share was open stays with whoever took it after the share is removed.',
      fix: 'Remove "all": share with named account IDs, an organization or an organizational unit instead.',
      remediation:
        'Delete the aws_ami_launch_permission that sets group = "all" and add one with account_id (or organization_arn / organizational_unit_arn) for each account that needs the image. In shared_accounts of an RDS snapshot, list the account IDs that need it instead of "all". In an EC2 Image Builder distribution, put the accounts in user_ids (UserIds) or the organization in organization_arns (OrganizationArns) and leave "all" out of user_groups (UserGroups). If the image or snapshot was already public, treat what it holds as exposed: rotate any credentials in it. Turning on block public access for AMIs and for EBS snapshots in each Region stops new public shares as well.',
    },
    ja: {
      title: 'AMI または RDS スナップショットがすべての AWS アカウントに共有されている',
      description:
        'Amazon マシンイメージ（AMI）、Amazon RDS のスナップショット、EC2 Image Builder の配布設定が、グループ "all" に共有されていないかを確認します。対象は aws_ami_launch_permission の group = "all"、aws_db_snapshot と aws_db_cluster_snapshot の shared_accounts に含まれる "all"、EC2 Image Builder の配布設定の起動許可のユーザーグループ（Terraform では user_groups、CloudFormation と CDK では UserGroups）に含まれる "all" です。ここでいう「公開」はインターネット全体への公開ではなく、すべての AWS アカウントへの共有を意味します。AWS アカウントは誰でも作れるため、実質的には誰でも利用できます。CloudFormation と CDK で共有を設定できるのは EC2 Image Builder だけで、AMI の起動許可やスナップショット共有のリソースはありません。Amazon EBS のスナップショットは Terraform からも CloudFormation からも公開できない（aws_snapshot_create_volume_permission には AWS アカウント ID しか指定できない）ため、このポリシーの対象外です。',
      rationale:
        '公開された AMI は、AWS アカウントを持つ誰もが起動・コピーでき、ディスク上のファイルをすべて読めます。イメージに焼き込まれた認証情報や鍵、設定ファイル、アプリケーションのコード、ボリュームに残ったデータが対象です。公開された RDS スナップショットは、他人のアカウントでコピーしたりデータベースとして復元したりでき、その中のテーブルやユーザーがすべて手に入ります。公開イメージや公開スナップショットは他のアカウントから検索できる一覧に載ります。共有中に取られたコピーは、共有をやめた後も相手の手元に残ります。',
      fix: '"all" を削除し、共有先を AWS アカウント ID、組織、組織単位（OU）で指定してください。',
      remediation:
        'group = "all" を設定した aws_ami_launch_permission を削除し、イメージが必要なアカウントごとに account_id（または organization_arn / organizational_unit_arn）を指定した aws_ami_launch_permission を作成してください。RDS スナップショットの shared_accounts には、"all" ではなく必要なアカウント ID を並べます。EC2 Image Builder の配布設定では、アカウントを user_ids（UserIds）に、組織を organization_arns（OrganizationArns）に指定し、user_groups（UserGroups）から "all" を外します。すでに公開されていた場合は、中身が漏れたものとして扱い、含まれていた認証情報を無効にして作り直してください。あわせて、リージョンごとに AMI と EBS スナップショットのパブリックアクセスのブロックを有効にすると、新たな公開共有を防げます。',
    },
  },
  messages: {
    en: {
      ami: 'AMI {{name}} gets launch permission for the group "all": every AWS account can launch and copy it, and read what is on its disks.',
      dbSnapshot: 'Amazon RDS snapshot {{name}} is shared with "all": every AWS account can copy it or restore it as a database of its own.',
      imageBuilder:
        'EC2 Image Builder distribution configuration {{name}} gives launch permission to the group "all" in {{region}}: every AWS account can launch and copy the AMIs it distributes there.',
    },
    ja: {
      ami: 'AMI {{name}} の起動許可がグループ "all" に与えられています。すべての AWS アカウントがこの AMI を起動・コピーでき、ディスクの中身を読めます。',
      dbSnapshot: 'Amazon RDS スナップショット {{name}} が "all" に共有されています。すべての AWS アカウントがコピーしたり、自分のデータベースとして復元したりできます。',
      imageBuilder:
        'EC2 Image Builder の配布設定 {{name}} が、{{region}}でグループ "all" に起動許可を与えています。そこに配布される AMI は、すべての AWS アカウントが起動・コピーできます。',
    },
  },
  snippets: {
    terraform: `resource "aws_ami_launch_permission" "partner" {
  image_id   = aws_ami_from_instance.app.id
  account_id = "111122223333" # not group = "all"
}

resource "aws_db_snapshot" "release" {
  db_instance_identifier = aws_db_instance.app.identifier
  db_snapshot_identifier = "app-release"
  shared_accounts        = ["111122223333"] # not "all"
}`,
    cloudformation: `AppDistribution:
  Type: AWS::ImageBuilder::DistributionConfiguration
  Properties:
    Name: app
    Distributions:
      - Region: ap-northeast-1
        AmiDistributionConfiguration:
          LaunchPermissionConfiguration:
            UserIds: ["111122223333"] # not UserGroups: [all]`,
    cdk: `new imagebuilder.CfnDistributionConfiguration(this, 'AppDistribution', {
  name: 'app',
  distributions: [{
    region: 'ap-northeast-1',
    amiDistributionConfiguration: {
      LaunchPermissionConfiguration: { UserIds: ['111122223333'] }, // not UserGroups: ['all']
    },
  }],
});`,
    pulumi: `new aws.ec2.AmiLaunchPermission("partner", {
  imageId: app.id,
  accountId: "111122223333", // not group: "all"
});

new aws.rds.Snapshot("release", {
  dbInstanceIdentifier: db.identifier,
  dbSnapshotIdentifier: "app-release",
  sharedAccounts: ["111122223333"], // not "all"
});`,
  },
  check(copy, { fail, unknown, pass }) {
    const verdicts: Verdict<Message>[] = [];
    for (const { accounts, region } of copy.grantees) {
      if (accounts.origin === 'unknown') verdicts.push(unknown(accounts));
      else if (accounts.value?.includes(EVERYONE)) verdicts.push(fail(MESSAGE[copy.kind], accounts, { name: copy.label, region: region === undefined ? phrase('a Region known only at deployment', 'デプロイ時に決まるリージョン') : phrase(`Region ${region}`, `リージョン ${region} `) }));
    }
    return verdicts.length > 0 ? verdicts : pass();
  },
});
