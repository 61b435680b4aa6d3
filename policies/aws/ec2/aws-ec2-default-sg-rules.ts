import { definePolicy } from '../../../src/engine/policy.js';
import { portLabel } from '../../../src/models/aws/ec2-queries.js';

export default definePolicy({
  id: 'aws-ec2-default-sg-rules',
  severity: 'medium',
  model: 'aws.ec2.SecurityGroup',
  frameworks: {
    guideline: ['4.2'],
    iso27017: ['13.1.3', '13.1.1'],
    soc2: ['CC6.6'],
    cisAwsV3: ['5.4'],
    cisAwsV5: ['5.5'],
    fsbp: ['EC2.2'],
  },
  text: {
    en: {
      title: "VPC's default security group has rules",
      description:
        "Checks that the code gives a VPC's default security group no inbound or outbound rules: ingress or egress blocks of aws_default_security_group, and rule resources (aws_security_group_rule, aws_vpc_security_group_ingress_rule / egress_rule, AWS::EC2::SecurityGroupIngress / Egress) attached to it or to a VPC's default_security_group_id / !GetAtt Vpc.DefaultSecurityGroup. An aws_default_security_group without rules passes: Terraform then removes the rules AWS creates. A VPC whose default group the code does not manage keeps AWS's initial rules (all traffic between members of the group, all outbound), which this policy cannot see.",
      rationale:
        'Every instance, endpoint or function placed in a VPC without a security group of its own lands in the default group. Rules on it therefore apply to resources nobody chose them for, and traffic allowed there is easily overlooked. Keeping the default group empty makes every resource use a group made for it, with only the access it needs.',
      fix: 'Remove every rule from the default security group and give resources security groups of their own.',
      remediation:
        'In Terraform, declare aws_default_security_group for the VPC with no ingress or egress blocks (Terraform then deletes all its rules) and move the rules to a dedicated aws_security_group. In CloudFormation, delete AWS::EC2::SecurityGroupIngress / Egress resources whose GroupId is the VPC\'s DefaultSecurityGroup, and attach a dedicated AWS::EC2::SecurityGroup to the resources instead. In CDK, keep restrictDefaultSecurityGroup on (the default for new projects) and do not add rules to vpc.vpcDefaultSecurityGroup.',
    },
    ja: {
      title: 'VPC のデフォルトセキュリティグループにルールがある',
      description:
        'VPC のデフォルトセキュリティグループに、コードがインバウンドやアウトバウンドのルールを付けていないかを確認します。対象は aws_default_security_group の ingress / egress ブロックと、それや VPC の default_security_group_id（!GetAtt Vpc.DefaultSecurityGroup）に付けたルールのリソース（aws_security_group_rule、aws_vpc_security_group_ingress_rule / egress_rule、AWS::EC2::SecurityGroupIngress / Egress）です。ルールのない aws_default_security_group は合格です（Terraform は AWS が最初に作るルールを削除します）。コードがデフォルトグループを管理していない VPC には AWS の初期ルール（グループ内の全通信とすべてのアウトバウンドを許可）が残りますが、このポリシーからは見えません。',
      rationale:
        'セキュリティグループを指定せずに VPC に置いたインスタンス、エンドポイント、関数はすべてデフォルトグループに入ります。そこにあるルールは、誰も意図していないリソースにまで適用され、許可した通信が見落とされがちです。デフォルトグループを空にしておけば、どのリソースも専用のグループを使うことになり、必要な通信だけを許可できます。',
      fix: 'デフォルトセキュリティグループのルールをすべて削除し、リソースには専用のセキュリティグループを割り当ててください。',
      remediation:
        'Terraform では、その VPC の aws_default_security_group を ingress / egress ブロックなしで宣言し（Terraform が既存のルールをすべて削除します）、ルールは専用の aws_security_group に移します。CloudFormation では、GroupId が VPC の DefaultSecurityGroup になっている AWS::EC2::SecurityGroupIngress / Egress を削除し、リソースには専用の AWS::EC2::SecurityGroup を割り当てます。CDK では restrictDefaultSecurityGroup を有効のまま（新しいプロジェクトの既定値）にし、vpc.vpcDefaultSecurityGroup にルールを追加しないでください。',
    },
  },
  messages: {
    en: {
      ingress: '{{resource}} adds an inbound rule ({{ports}}) to the VPC\'s default security group.',
      egress: '{{resource}} adds an outbound rule ({{ports}}) to the VPC\'s default security group.',
    },
    ja: {
      ingress: '{{resource}} が VPC のデフォルトセキュリティグループにインバウンドルール（{{ports}}）を追加しています。',
      egress: '{{resource}} が VPC のデフォルトセキュリティグループにアウトバウンドルール（{{ports}}）を追加しています。',
    },
  },
  snippets: {
    terraform: `# Adopts the VPC's default security group and removes all its rules.
resource "aws_default_security_group" "default" {
  vpc_id = aws_vpc.main.id
}`,
    cloudformation: `# No AWS::EC2::SecurityGroupIngress / Egress with GroupId: !GetAtt Vpc.DefaultSecurityGroup;
# attach a dedicated group instead.
AppSecurityGroup:
  Type: AWS::EC2::SecurityGroup
  Properties:
    GroupDescription: app
    VpcId: !Ref Vpc`,
    cdk: `const vpc = new ec2.Vpc(this, 'Vpc', {
  restrictDefaultSecurityGroup: true, // removes the default group's rules
});
const appSg = new ec2.SecurityGroup(this, 'App', { vpc });`,
    pulumi: `new aws.ec2.DefaultSecurityGroup("default", {
  vpcId: vpc.id, // no ingress / egress: all rules are removed
});`,
  },
  check(group, { fail, pass, notApplicable }) {
    if (!group.isDefault) return notApplicable();
    if (group.rules.length === 0) return pass();
    // Name where the rule is written: the aws_default_security_group, or the separate rule resource.
    return group.rules.map((rule) => fail(rule.direction, rule.at, { resource: rule.at.node.address, ports: portLabel(rule) }));
  },
});
