import { definePolicy } from '../../../src/engine/policy.js';
import { checkPublicFlag } from '../../../src/engine/public-flag.js';

export default definePolicy({
  id: 'aws-dms-replication-instance-public',
  severity: 'high',
  model: 'aws.dms.ReplicationInstance',
  frameworks: {
    guideline: ['6.3', '4.2'],
    iso27017: ['13.1.1', '9.1.2'],
    soc2: ['CC6.6', 'CC6.1'],
    fsbp: ['DMS.1'],
  },
  text: {
    en: {
      title: 'DMS replication instance publicly accessible',
      description:
        'Checks that aws_dms_replication_instance and AWS::DMS::ReplicationInstance are not publicly accessible. AWS DMS gives a replication instance a public IP address when PubliclyAccessible is left out of the request (the API default is true), and CloudFormation leaves it out when the template does: an AWS::DMS::ReplicationInstance without PubliclyAccessible, as CDK\'s CfnReplicationInstance and Pulumi AWS Native write it unless told otherwise, is public. The AWS provider for Terraform always sends the value, false when publicly_accessible is not written.',
      rationale:
        'A replication instance logs in to the source and target databases and reads every row it migrates. With a public IP address it can be reached from the internet wherever its security group and subnet let traffic in, and migrations are often set up in a hurry, with broad rules, next to the production databases. An instance that reaches its databases inside the VPC, or over a VPN or AWS Direct Connect, needs no public address.',
      fix: 'Set PubliclyAccessible: false (publicly_accessible = false) and use a replication subnet group of private subnets.',
      remediation:
        'Write PubliclyAccessible: false on AWS::DMS::ReplicationInstance (CDK: publiclyAccessible: false on CfnReplicationInstance; Pulumi AWS Native: publiclyAccessible: false), and publicly_accessible = false on aws_dms_replication_instance, with a replication subnet group of private subnets. Reach a source or target outside the VPC through a NAT gateway, a VPN or AWS Direct Connect. The setting cannot be changed on an existing instance: changing it replaces the instance, so plan when to move its replication tasks.',
    },
    ja: {
      title: 'DMS レプリケーションインスタンスがパブリックアクセス可能になっている',
      description:
        'aws_dms_replication_instance と AWS::DMS::ReplicationInstance がパブリックアクセス可能になっていないかを確認します。AWS DMS は、リクエストで PubliclyAccessible が省略されるとレプリケーションインスタンスにパブリック IP アドレスを割り当てます（API の既定値は true です）。CloudFormation はテンプレートで省略された設定をそのまま省略して送るため、PubliclyAccessible のない AWS::DMS::ReplicationInstance はパブリックになります。CDK の CfnReplicationInstance や Pulumi AWS Native も、指定しなければ同じです。Terraform の AWS プロバイダーは常に値を送り、publicly_accessible が書かれていなければ false を送ります。',
      rationale:
        'レプリケーションインスタンスは移行元と移行先のデータベースにログインし、移行するすべての行を読み取ります。パブリック IP アドレスがあると、セキュリティグループとサブネットが通す範囲でインターネットから到達できます。移行作業は急いで準備されることが多く、広いルールのまま本番データベースと同じ場所に置かれがちです。VPC の内側や VPN、AWS Direct Connect 経由でデータベースに接続するインスタンスに、パブリックアドレスは必要ありません。',
      fix: 'PubliclyAccessible: false（publicly_accessible = false）を指定し、プライベートサブネットだけのレプリケーションサブネットグループを使ってください。',
      remediation:
        'AWS::DMS::ReplicationInstance に PubliclyAccessible: false を書き（CDK では CfnReplicationInstance の publiclyAccessible: false、Pulumi AWS Native では publiclyAccessible: false）、aws_dms_replication_instance には publicly_accessible = false を指定して、プライベートサブネットだけのレプリケーションサブネットグループを使います。VPC の外にある移行元や移行先には、NAT ゲートウェイ、VPN、AWS Direct Connect を経由して接続してください。この設定は既存のインスタンスでは変更できず、変更するとインスタンスが作り直されます。レプリケーションタスクを移す時期を決めてから変更してください。',
    },
  },
  messages: {
    en: {
      public: 'DMS replication instance {{instance}} is publicly accessible.',
      publicByDefault: 'DMS replication instance {{instance}} is publicly accessible although PubliclyAccessible is not written: DMS gives an instance a public IP address unless the request says false. Write PubliclyAccessible: false.',
    },
    ja: {
      public: 'DMS レプリケーションインスタンス {{instance}} はパブリックアクセス可能です。',
      publicByDefault: 'DMS レプリケーションインスタンス {{instance}} はパブリックアクセス可能です。PubliclyAccessible が書かれておらず、DMS は false と指定されない限りパブリック IP アドレスを割り当てます。PubliclyAccessible: false を明示してください。',
    },
  },
  snippets: {
    terraform: `resource "aws_dms_replication_instance" "migration" {
  replication_instance_id     = "migration"
  replication_instance_class  = "dms.t3.medium"
  replication_subnet_group_id = aws_dms_replication_subnet_group.private.id
  vpc_security_group_ids      = [aws_security_group.dms.id]
  publicly_accessible         = false
}`,
    cloudformation: `Migration:
  Type: AWS::DMS::ReplicationInstance
  Properties:
    ReplicationInstanceIdentifier: migration
    ReplicationInstanceClass: dms.t3.medium
    ReplicationSubnetGroupIdentifier: !Ref PrivateReplicationSubnetGroup
    VpcSecurityGroupIds: [!Ref DmsSecurityGroup]
    PubliclyAccessible: false`,
    cdk: `new dms.CfnReplicationInstance(this, 'Migration', {
  replicationInstanceIdentifier: 'migration',
  replicationInstanceClass: 'dms.t3.medium',
  replicationSubnetGroupIdentifier: subnetGroup.ref,
  vpcSecurityGroupIds: [securityGroup.securityGroupId],
  publiclyAccessible: false,
});`,
    pulumi: `new aws.dms.ReplicationInstance("migration", {
  replicationInstanceId: "migration",
  replicationInstanceClass: "dms.t3.medium",
  replicationSubnetGroupId: privateSubnetGroup.id,
  vpcSecurityGroupIds: [dmsSecurityGroup.id],
  publiclyAccessible: false,
});`,
  },
  check(instance, ctx) {
    const data = { instance: instance.identifier.value ?? instance.resource.address };
    return checkPublicFlag(instance.publiclyAccessible, ctx, { public: 'public', byDefault: 'publicByDefault' }, data);
  },
});
