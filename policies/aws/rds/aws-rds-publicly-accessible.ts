import { definePolicy } from '../../../src/engine/policy.js';
import { checkPublicFlag } from '../../../src/engine/public-flag.js';

export default definePolicy({
  id: 'aws-rds-publicly-accessible',
  severity: 'high',
  model: 'aws.rds.DbInstance',
  frameworks: {
    guideline: ['6.3', '4.2'],
    iso27017: ['13.1.1', '9.1.2'],
    soc2: ['CC6.6', 'CC6.1'],
    cisAwsV3: ['2.3.3'],
    cisAwsV5: ['2.2.3'],
    fsbp: ['RDS.2'],
  },
  text: {
    en: {
      title: 'RDS DB instance publicly accessible',
      description:
        'Checks that publicly_accessible / PubliclyAccessible is not true on aws_db_instance, aws_rds_cluster_instance and AWS::RDS::DBInstance. Terraform sends false when it is not written. CloudFormation leaves it to RDS, which makes an instance public when it goes to the default VPC — no DB subnet group, or the one named default — and private with another subnet group or as an Aurora cluster member. Where the template cannot tell (a subnet group name from a parameter, a read replica that follows its source) the result is unknown.',
      rationale:
        'A publicly accessible instance gets a public IP address and a DNS name that resolves to it from anywhere. Its exposure then rests on the security group alone: one rule that admits 0.0.0.0/0 puts the database port in front of automated password guessing and exploits of unpatched engines. Applications reach the database from inside the VPC and do not need it.',
      fix: 'Set publicly_accessible = false (PubliclyAccessible: false) and place the instance in private subnets.',
      remediation:
        'Set publicly_accessible = false (CloudFormation: PubliclyAccessible: false; CDK: publiclyAccessible: false with vpcSubnets on private subnets) and use a DB subnet group of private subnets. Connect from outside the VPC through a VPN, Session Manager port forwarding through an instance in the VPC, or RDS Proxy with IAM authentication instead of a public endpoint. The change takes effect without replacing the instance.',
    },
    ja: {
      title: 'RDS DB インスタンスがパブリックアクセス可能になっている',
      description:
        'aws_db_instance、aws_rds_cluster_instance、AWS::RDS::DBInstance で publicly_accessible（PubliclyAccessible）が true になっていないかを確認します。Terraform は指定がなければ false を送ります。CloudFormation は RDS に任せます。RDS は、デフォルト VPC に置かれるインスタンス（DB サブネットグループを指定しないか、default という名前のグループを指定したもの）をパブリックにし、ほかのサブネットグループを指定したものや Aurora クラスターのメンバーはプライベートにします。テンプレートから判断できない場合（サブネットグループ名をパラメーターで渡す場合や、元のインスタンスに従うリードレプリカ）は判定不能として報告します。',
      rationale:
        'パブリックアクセス可能なインスタンスにはパブリック IP アドレスが割り当てられ、その DNS 名はどこからでもそのアドレスに解決されます。守りはセキュリティグループだけになり、0.0.0.0/0 を許可するルールが一つあれば、データベースのポートがパスワードの総当たりや未修正の脆弱性を狙う自動攻撃にさらされます。アプリケーションは VPC の内側から接続するので、パブリックアクセスは必要ありません。',
      fix: 'publicly_accessible = false（PubliclyAccessible: false）にし、インスタンスをプライベートサブネットに置いてください。',
      remediation:
        'publicly_accessible = false を指定し（CloudFormation では PubliclyAccessible: false、CDK では publiclyAccessible: false とプライベートサブネットの vpcSubnets）、プライベートサブネットだけの DB サブネットグループを使います。VPC の外から接続する必要がある場合は、パブリックなエンドポイントではなく、VPN、VPC 内のインスタンスを経由する Session Manager のポート転送、IAM 認証を使う RDS Proxy を使ってください。この変更はインスタンスを作り直さずに反映されます。',
    },
  },
  messages: {
    en: {
      public: 'DB instance {{instance}} is publicly accessible.',
      publicByDefault: 'DB instance {{instance}} is publicly accessible: without PubliclyAccessible, RDS makes an instance in the default VPC (no DB subnet group, or the one named default) public.',
      leftToRds: 'Whether DB instance {{instance}} is publicly accessible is left to RDS and depends on what this code does not show; set PubliclyAccessible explicitly.',
    },
    ja: {
      public: 'DB インスタンス {{instance}} はパブリックアクセス可能です。',
      publicByDefault: 'DB インスタンス {{instance}} はパブリックアクセス可能です。PubliclyAccessible を指定しないと、RDS はデフォルト VPC のインスタンス（DB サブネットグループを指定しないか、default という名前のグループを指定したもの）をパブリックにします。',
      leftToRds: 'DB インスタンス {{instance}} がパブリックアクセス可能になるかは RDS に任されており、このコードにない情報で決まります。PubliclyAccessible を明示してください。',
    },
  },
  snippets: {
    terraform: `resource "aws_db_instance" "app" {
  engine               = "postgres"
  instance_class       = "db.t4g.medium"
  db_subnet_group_name = aws_db_subnet_group.private.name
  publicly_accessible  = false
  # ...
}`,
    cloudformation: `AppDatabase:
  Type: AWS::RDS::DBInstance
  Properties:
    Engine: postgres
    DBInstanceClass: db.t4g.medium
    DBSubnetGroupName: !Ref PrivateSubnetGroup
    PubliclyAccessible: false`,
    cdk: `new rds.DatabaseInstance(this, 'App', {
  engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
  vpc,
  vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
  publiclyAccessible: false,
});`,
    pulumi: `new aws.rds.Instance("app", {
  engine: "postgres",
  instanceClass: "db.t4g.medium",
  dbSubnetGroupName: privateSubnetGroup.name,
  publiclyAccessible: false,
});`,
  },
  check(instance, ctx) {
    const data = { instance: instance.identifier.value ?? instance.resource.address };
    return checkPublicFlag(instance.publiclyAccessible, ctx, { public: 'public', byDefault: 'publicByDefault', undecided: 'leftToRds' }, data);
  },
});
