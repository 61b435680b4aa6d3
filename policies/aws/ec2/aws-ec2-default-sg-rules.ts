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
        "Checks that a VPC's default security group is left without inbound or outbound rules. A VPC the code creates gets a default group with rules from AWS (all traffic between members of the group, all outbound traffic); they stay unless the code takes the group over: an aws_default_security_group for the VPC (Terraform removes every rule it does not write), or CDK's restrictDefaultSecurityGroup (the Custom::VpcRestrictDefaultSG resource). Rules the code adds are reported where they are written: ingress or egress blocks of aws_default_security_group, and rule resources (aws_security_group_rule, aws_vpc_security_group_ingress_rule / egress_rule, AWS::EC2::SecurityGroupIngress / Egress) attached to it or to a VPC's default_security_group_id / !GetAtt Vpc.DefaultSecurityGroup.",
      rationale:
        'Every instance, endpoint or function placed in a VPC without a security group of its own lands in the default group. Rules on it therefore apply to resources nobody chose them for, and traffic allowed there is easily overlooked. Keeping the default group empty makes every resource use a group made for it, with only the access it needs.',
      fix: 'Take the default security group over with no rules (aws_default_security_group, or restrictDefaultSecurityGroup in CDK), remove the rules added to it, and give resources security groups of their own.',
      remediation:
        'In Terraform, declare aws_default_security_group for the VPC with no ingress or egress blocks (Terraform then deletes all its rules) and move the rules to a dedicated aws_security_group (the terraform-aws-modules VPC module does this with manage_default_security_group = true). In CDK, keep restrictDefaultSecurityGroup on (the default for new projects through the @aws-cdk/aws-ec2:restrictDefaultSecurityGroup feature flag) and do not add rules to vpc.vpcDefaultSecurityGroup. CloudFormation itself cannot remove the rules AWS creates: use a custom resource that revokes them (as CDK does), and delete AWS::EC2::SecurityGroupIngress / Egress resources whose GroupId is the VPC\'s DefaultSecurityGroup, attaching a dedicated AWS::EC2::SecurityGroup to the resources instead.',
    },
    ja: {
      title: 'VPC のデフォルトセキュリティグループにルールがある',
      description:
        'VPC のデフォルトセキュリティグループにインバウンドやアウトバウンドのルールが残っていないかを確認します。コードで作成した VPC のデフォルトグループには、AWS が最初からルール（グループ内の全通信とすべてのアウトバウンド通信の許可）を付けます。このルールは、コードがそのグループを管理しない限り残ります。管理する方法は、その VPC の aws_default_security_group を宣言する（書かれていないルールは Terraform がすべて削除します）か、CDK の restrictDefaultSecurityGroup を有効にする（Custom::VpcRestrictDefaultSG リソースが作られます）ことです。コードが追加したルールは、それを書いた場所で報告します。対象は aws_default_security_group の ingress / egress ブロックと、それや VPC の default_security_group_id（!GetAtt Vpc.DefaultSecurityGroup）に付けたルールのリソース（aws_security_group_rule、aws_vpc_security_group_ingress_rule / egress_rule、AWS::EC2::SecurityGroupIngress / Egress）です。',
      rationale:
        'セキュリティグループを指定せずに VPC に置いたインスタンス、エンドポイント、関数はすべてデフォルトグループに入ります。そこにあるルールは、誰も意図していないリソースにまで適用され、許可した通信が見落とされがちです。デフォルトグループを空にしておけば、どのリソースも専用のグループを使うことになり、必要な通信だけを許可できます。',
      fix: 'デフォルトセキュリティグループをルールなしで管理し（aws_default_security_group、CDK では restrictDefaultSecurityGroup）、追加したルールを削除して、リソースには専用のセキュリティグループを割り当ててください。',
      remediation:
        'Terraform では、その VPC の aws_default_security_group を ingress / egress ブロックなしで宣言し（Terraform が既存のルールをすべて削除します）、ルールは専用の aws_security_group に移します（terraform-aws-modules の VPC モジュールなら manage_default_security_group = true で同じことをします）。CDK では restrictDefaultSecurityGroup を有効のまま（新しいプロジェクトでは機能フラグ @aws-cdk/aws-ec2:restrictDefaultSecurityGroup により既定で有効）にし、vpc.vpcDefaultSecurityGroup にルールを追加しないでください。CloudFormation だけでは AWS が作ったルールを削除できないため、CDK と同様にルールを取り消すカスタムリソースを使います。また、GroupId が VPC の DefaultSecurityGroup になっている AWS::EC2::SecurityGroupIngress / Egress は削除し、リソースには専用の AWS::EC2::SecurityGroup を割り当てます。',
    },
  },
  messages: {
    en: {
      ingress: '{{resource}} adds an inbound rule ({{ports}}) to the VPC\'s default security group.',
      egress: '{{resource}} adds an outbound rule ({{ports}}) to the VPC\'s default security group.',
      initialRules:
        "{{resource}} leaves its default security group as AWS creates it: all traffic between members of the group and all outbound traffic are allowed to anything placed in it without a group of its own.",
    },
    ja: {
      ingress: '{{resource}} が VPC のデフォルトセキュリティグループにインバウンドルール（{{ports}}）を追加しています。',
      egress: '{{resource}} が VPC のデフォルトセキュリティグループにアウトバウンドルール（{{ports}}）を追加しています。',
      initialRules:
        '{{resource}} のデフォルトセキュリティグループが AWS の作成時のままです。グループ内の全通信とすべてのアウトバウンド通信が許可され、専用のグループを指定せずに置いたリソースにそのまま適用されます。',
    },
  },
  snippets: {
    terraform: `# Adopts the VPC's default security group and removes all its rules.
resource "aws_default_security_group" "default" {
  vpc_id = aws_vpc.main.id
}`,
    cloudformation: `# No AWS::EC2::SecurityGroupIngress / Egress with GroupId: !GetAtt Vpc.DefaultSecurityGroup;
# attach a dedicated group instead. The rules AWS creates on the default group stay unless a
# custom resource revokes them (CDK's restrictDefaultSecurityGroup adds one).
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
  check(group, { fail, pass, unknown, notApplicable }) {
    if (!group.isDefault) return notApplicable();
    const initial = group.initialRules;
    if (initial) return initial.value === true ? fail('initialRules', initial.at, { resource: group.resource.address }) : initial.value === undefined ? unknown(initial.at) : pass();
    if (group.rules.length === 0) return pass();
    // Name where the rule is written: the aws_default_security_group, or the separate rule resource.
    return group.rules.map((rule) => fail(rule.direction, rule.at, { resource: rule.at.node.address, ports: portLabel(rule) }));
  },
});
