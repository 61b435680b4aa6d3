import { definePolicy, type Verdict } from '../../../src/engine/policy.js';
import type { Evidence } from '../../../src/models/attr.js';
import type { PolicyDocument, PolicyStatement } from '../../../src/models/aws/iam.js';
import { joined } from '../../../src/i18n/phrase.js';
import {
  allowsAction,
  and,
  coversAction,
  isFullAdminStatement,
  onEveryResource,
  onEveryRole,
  or,
  passesRoleTo,
  type Maybe,
} from '../../../src/models/aws/iam-queries.js';

type Message =
  | 'createPolicyVersion'
  | 'setDefaultPolicyVersion'
  | 'attachPolicy'
  | 'putPolicy'
  | 'updateAssumeRolePolicy'
  | 'createAccessKey'
  | 'loginProfile'
  | 'addUserToGroup'
  | 'assumeAnyRole'
  | 'passRoleLambda'
  | 'updateFunctionCode'
  | 'passRoleEc2'
  | 'passRoleCloudFormation'
  | 'passRoleGlue'
  | 'updateDevEndpoint'
  | 'passRoleDataPipeline'
  | 'passRoleSageMaker';

/**
 * One step of a path: any one of `actions`, allowed on every resource. `passTo` marks iam:PassRole
 * to that service: on every role, and not limited by iam:PassedToService to another service.
 */
interface Step {
  readonly actions: readonly string[];
  readonly passTo?: string;
}

const passRole = (service: string): Step => ({ actions: ['iam:PassRole'], passTo: service });
const one = (...actions: string[]): Step => ({ actions });

/**
 * The known ways an identity turns limited IAM permissions into more (Rhino Security Labs' AWS
 * privilege-escalation methods, and the SageMaker notebook path): each is reported on its own.
 */
const PATHS: readonly { readonly id: Message; readonly steps: readonly Step[] }[] = [
  { id: 'createPolicyVersion', steps: [one('iam:CreatePolicyVersion')] },
  { id: 'setDefaultPolicyVersion', steps: [one('iam:SetDefaultPolicyVersion')] },
  { id: 'attachPolicy', steps: [one('iam:AttachUserPolicy', 'iam:AttachGroupPolicy', 'iam:AttachRolePolicy')] },
  { id: 'putPolicy', steps: [one('iam:PutUserPolicy', 'iam:PutGroupPolicy', 'iam:PutRolePolicy')] },
  { id: 'updateAssumeRolePolicy', steps: [one('iam:UpdateAssumeRolePolicy'), one('sts:AssumeRole')] },
  { id: 'createAccessKey', steps: [one('iam:CreateAccessKey')] },
  { id: 'loginProfile', steps: [one('iam:CreateLoginProfile', 'iam:UpdateLoginProfile')] },
  { id: 'addUserToGroup', steps: [one('iam:AddUserToGroup')] },
  { id: 'assumeAnyRole', steps: [one('sts:AssumeRole')] },
  { id: 'passRoleLambda', steps: [passRole('lambda.amazonaws.com'), one('lambda:CreateFunction'), one('lambda:InvokeFunction', 'lambda:CreateEventSourceMapping')] },
  { id: 'updateFunctionCode', steps: [one('lambda:UpdateFunctionCode')] },
  { id: 'passRoleEc2', steps: [passRole('ec2.amazonaws.com'), one('ec2:RunInstances')] },
  { id: 'passRoleCloudFormation', steps: [passRole('cloudformation.amazonaws.com'), one('cloudformation:CreateStack')] },
  { id: 'passRoleGlue', steps: [passRole('glue.amazonaws.com'), one('glue:CreateDevEndpoint')] },
  { id: 'updateDevEndpoint', steps: [one('glue:UpdateDevEndpoint')] },
  { id: 'passRoleDataPipeline', steps: [passRole('datapipeline.amazonaws.com'), one('datapipeline:CreatePipeline'), one('datapipeline:PutPipelineDefinition')] },
  {
    id: 'passRoleSageMaker',
    steps: [passRole('sagemaker.amazonaws.com'), one('sagemaker:CreateNotebookInstance'), one('sagemaker:CreatePresignedNotebookInstanceUrl')],
  },
];

/** The services whose actions the paths name (`iam`, `sts`, `lambda`…). */
const PATH_SERVICES = new Set(PATHS.flatMap((p) => p.steps.flatMap((step) => step.actions.map((a) => a.slice(0, a.indexOf(':')).toLowerCase()))));

/**
 * Whether a statement certainly allows no action of those services: a Deny, or an Allow whose
 * actions are all written out in other services (`s3:GetObject`, `logs:*`). Most policies are made
 * only of such statements, and this says so without matching every action of every path.
 */
function outsidePaths(s: PolicyStatement): boolean {
  if (s.effect === 'Deny') return true;
  if (s.effect === undefined || s.notActions) return false;
  return (s.actions ?? []).every((a) => {
    if (typeof a !== 'string') return false;
    const colon = a.indexOf(':');
    const service = a.slice(0, colon);
    return colon > 0 && !/[*?]/.test(service) && !PATH_SERVICES.has(service.toLowerCase());
  });
}

/** Whether one statement allows `action` for a step: on every resource (every role for iam:PassRole), to the step's service. */
function statementGrants(s: PolicyStatement, action: string, step: Step): Maybe {
  if (step.passTo === undefined) return and([allowsAction(s, action), onEveryResource(s)]);
  return and([allowsAction(s, action), onEveryRole(s), passesRoleTo(s, step.passTo)]);
}

/** A Deny without conditions on every resource takes the action away whatever the Allows say. */
function deniedOutright(statements: readonly PolicyStatement[], action: string): boolean {
  return statements.some((s) => s.effect === 'Deny' && s.conditions?.length === 0 && coversAction(s, action) === true && onEveryResource(s) === true);
}

/** Whether the document allows a step, which of its actions it allows, and where. */
function grantsStep(statements: readonly PolicyStatement[], step: Step): { granted: Maybe; actions: string[]; at: Evidence | undefined } {
  const results = step.actions.map((action) => {
    if (deniedOutright(statements, action)) return { action, granted: false as Maybe, at: undefined };
    const verdicts = statements.map((s) => statementGrants(s, action, step));
    const i = verdicts.indexOf(true);
    return { action, granted: or(verdicts), at: i >= 0 ? statements[i]!.at : undefined };
  });
  const granted = results.filter((r) => r.granted === true);
  return { granted: or(results.map((r) => r.granted)), actions: granted.map((r) => r.action), at: granted[0]?.at };
}

function evaluatePaths(doc: PolicyDocument, statements: readonly PolicyStatement[]): { id: Message; granted: Maybe; actions: string[]; at: Evidence }[] {
  return PATHS.map(({ id, steps }) => {
    const results = steps.map((step) => grantsStep(statements, step));
    return { id, granted: and(results.map((r) => r.granted)), actions: results.flatMap((r) => r.actions), at: results[0]!.at ?? doc.at };
  });
}

export default definePolicy({
  id: 'aws-iam-privilege-escalation',
  severity: 'high',
  model: 'aws.iam.PolicyDocument',
  frameworks: {
    guideline: ['1'],
    iso27017: ['9.2.3', '9.4.1'],
    soc2: ['CC6.1', 'CC6.3'],
  },
  text: {
    en: {
      title: 'IAM policy allows a known privilege-escalation path',
      description:
        'Checks each identity policy as a whole — actions granted in different statements combine — for the permissions, on Resource "*", of a known way to gain more privileges: iam:PassRole with lambda:CreateFunction and lambda:InvokeFunction or lambda:CreateEventSourceMapping, ec2:RunInstances, cloudformation:CreateStack, glue:CreateDevEndpoint, datapipeline:CreatePipeline and PutPipelineDefinition, or sagemaker:CreateNotebookInstance and CreatePresignedNotebookInstanceUrl; iam:CreatePolicyVersion; iam:SetDefaultPolicyVersion; iam:Attach{User,Group,Role}Policy; iam:Put{User,Group,Role}Policy; iam:UpdateAssumeRolePolicy with sts:AssumeRole; iam:CreateAccessKey; iam:CreateLoginProfile or UpdateLoginProfile; iam:AddUserToGroup; sts:AssumeRole; lambda:UpdateFunctionCode; glue:UpdateDevEndpoint. Wildcards count (iam:*, iam:Put*, lambda:*). For iam:PassRole, every role of the account (role/*) counts like "*", and an iam:PassedToService condition limits the paths to the services it names. Each path is reported once per policy. Policies granting "*" on "*" are left to aws-iam-full-admin.',
      rationale:
        'Each of these paths lets whoever holds the policy give themselves, or a user or role they control, permissions they were not meant to have — in the end, administrator access. Examples: write a new default version of a policy attached to themselves; attach AdministratorAccess to their own user; create a login or access key for an administrator; hand an administrator role to an instance or function they launch and use its credentials. A policy that looks limited is then as dangerous as one granting everything.',
      fix: 'Remove the actions of the path or limit them to specific resource ARNs, and never grant them on "*" together.',
      remediation:
        'Grant IAM write actions (iam:CreatePolicyVersion, iam:Attach*Policy, iam:Put*Policy, iam:CreateAccessKey, iam:*LoginProfile, iam:AddUserToGroup, iam:UpdateAssumeRolePolicy) only to administrators, and limit the resource to the specific policies, users or roles the job manages — or to ${aws:username} for self-service. Limit iam:PassRole to the ARNs of the roles the workload must pass, with an iam:PassedToService condition. Limit sts:AssumeRole to the roles the identity must assume, and lambda:UpdateFunctionCode and glue:UpdateDevEndpoint to its own functions and endpoints. A permissions boundary can cap what any role or user created this way may do.',
    },
    ja: {
      title: 'IAM ポリシーが既知の権限昇格の経路を許可している',
      description:
        'ID ベースのポリシーをドキュメント全体として（別々のステートメントで許可した操作も組み合わせて）調べ、Resource "*" に対して既知の権限昇格の経路となる権限がそろっていないかを確認します。対象は、iam:PassRole と lambda:CreateFunction に lambda:InvokeFunction か lambda:CreateEventSourceMapping、ec2:RunInstances、cloudformation:CreateStack、glue:CreateDevEndpoint、datapipeline:CreatePipeline と PutPipelineDefinition、sagemaker:CreateNotebookInstance と CreatePresignedNotebookInstanceUrl のいずれかの組み合わせ、iam:CreatePolicyVersion、iam:SetDefaultPolicyVersion、iam:Attach{User,Group,Role}Policy、iam:Put{User,Group,Role}Policy、sts:AssumeRole を伴う iam:UpdateAssumeRolePolicy、iam:CreateAccessKey、iam:CreateLoginProfile または UpdateLoginProfile、iam:AddUserToGroup、sts:AssumeRole、lambda:UpdateFunctionCode、glue:UpdateDevEndpoint です。ワイルドカード（iam:*、iam:Put*、lambda:* など）も含みます。iam:PassRole では、アカウントのすべてのロール（role/*）も "*" と同じに扱い、iam:PassedToService の条件があれば、そのサービスを使う経路だけを対象にします。経路ごとに、ポリシー一つにつき一度報告します。"*" に対する "*" を許可するポリシーは aws-iam-full-admin が扱います。',
      rationale:
        'これらの経路を使うと、ポリシーを持つ人やプログラムが、自分自身や自分が操作できるユーザー・ロールに本来ない権限を与えられ、最終的には管理者権限に到達します。たとえば、自分にアタッチされたポリシーの新しいバージョンを書いて既定にする、自分のユーザーに AdministratorAccess をアタッチする、管理者のログインパスワードやアクセスキーを作る、起動するインスタンスや関数に管理者ロールを渡してその認証情報を使う、といったことができます。一見限定的なポリシーが、すべてを許可するポリシーと同じくらい危険になります。',
      fix: '経路となる操作を外すか特定のリソース ARN に限定し、"*" に対してまとめて許可しないでください。',
      remediation:
        'IAM の書き込み操作（iam:CreatePolicyVersion、iam:Attach*Policy、iam:Put*Policy、iam:CreateAccessKey、iam:*LoginProfile、iam:AddUserToGroup、iam:UpdateAssumeRolePolicy）は管理者だけに与え、リソースは業務で管理する特定のポリシー・ユーザー・ロール、または自分自身用の ${aws:username} に限定します。iam:PassRole はワークロードが渡すロールの ARN に限定し、iam:PassedToService の条件を付けます。sts:AssumeRole は引き受ける必要のあるロールに、lambda:UpdateFunctionCode と glue:UpdateDevEndpoint は自分の関数とエンドポイントに限定してください。アクセス許可の境界（permissions boundary）を使うと、こうして作られたロールやユーザーができることに上限を設けられます。',
    },
  },
  messages: {
    en: {
      createPolicyVersion: '{{policy}} allows {{actions}} on every resource: its holder can write a new default version of any customer managed policy, including one attached to itself, granting anything.',
      setDefaultPolicyVersion: '{{policy}} allows {{actions}} on every resource: its holder can switch any customer managed policy to an older, broader version.',
      attachPolicy: '{{policy}} allows {{actions}} on every resource: its holder can attach any managed policy, AdministratorAccess included, to itself or to an identity it controls.',
      putPolicy: '{{policy}} allows {{actions}} on every resource: its holder can write an inline policy granting anything to itself or to an identity it controls.',
      updateAssumeRolePolicy: '{{policy}} allows {{actions}} on every resource: its holder can make any role trust it and then assume the role.',
      createAccessKey: '{{policy}} allows {{actions}} on every resource: its holder can create access keys for any user, administrators included.',
      loginProfile: '{{policy}} allows {{actions}} on every resource: its holder can set the console password of any user, administrators included, and sign in as them.',
      addUserToGroup: '{{policy}} allows {{actions}} on every resource: its holder can add itself to any group, an administrators group included.',
      assumeAnyRole: '{{policy}} allows {{actions}} on every resource: its holder can assume every role whose trust policy trusts this account.',
      passRoleLambda: '{{policy}} allows {{actions}} on every resource: its holder can create a Lambda function with any role, an administrator role included, run it and act with that role.',
      updateFunctionCode: '{{policy}} allows {{actions}} on every resource: its holder can replace the code of any Lambda function and act with that function\'s role.',
      passRoleEc2: '{{policy}} allows {{actions}} on every resource: its holder can launch an EC2 instance with any role, an administrator role included, and use that role\'s credentials.',
      passRoleCloudFormation: '{{policy}} allows {{actions}} on every resource: its holder can create a CloudFormation stack that runs with any role, an administrator role included.',
      passRoleGlue: '{{policy}} allows {{actions}} on every resource: its holder can create a Glue development endpoint with any role and use that role\'s credentials from it.',
      updateDevEndpoint: '{{policy}} allows {{actions}} on every resource: its holder can add its SSH key to any Glue development endpoint and use the endpoint\'s role.',
      passRoleDataPipeline: '{{policy}} allows {{actions}} on every resource: its holder can create a Data Pipeline that runs commands with any role, an administrator role included.',
      passRoleSageMaker: '{{policy}} allows {{actions}} on every resource: its holder can create a SageMaker notebook with any role, open it and act with that role.',
    },
    ja: {
      createPolicyVersion: '{{policy}} はすべてのリソースに対して {{actions}} を許可しています。自分にアタッチされたものを含め、任意のカスタマー管理ポリシーに何でも許可する新しい既定バージョンを書けます。',
      setDefaultPolicyVersion: '{{policy}} はすべてのリソースに対して {{actions}} を許可しています。任意のカスタマー管理ポリシーを、より広い権限を持つ古いバージョンに切り替えられます。',
      attachPolicy: '{{policy}} はすべてのリソースに対して {{actions}} を許可しています。AdministratorAccess を含む任意の管理ポリシーを、自分や自分が操作できる ID にアタッチできます。',
      putPolicy: '{{policy}} はすべてのリソースに対して {{actions}} を許可しています。何でも許可するインラインポリシーを、自分や自分が操作できる ID に書き込めます。',
      updateAssumeRolePolicy: '{{policy}} はすべてのリソースに対して {{actions}} を許可しています。任意のロールの信頼ポリシーを書き換えて自分を信頼させ、そのロールを引き受けられます。',
      createAccessKey: '{{policy}} はすべてのリソースに対して {{actions}} を許可しています。管理者を含む任意のユーザーのアクセスキーを作れます。',
      loginProfile: '{{policy}} はすべてのリソースに対して {{actions}} を許可しています。管理者を含む任意のユーザーのコンソール用パスワードを設定し、そのユーザーとしてサインインできます。',
      addUserToGroup: '{{policy}} はすべてのリソースに対して {{actions}} を許可しています。管理者グループを含む任意のグループに自分を追加できます。',
      assumeAnyRole: '{{policy}} はすべてのリソースに対して {{actions}} を許可しています。このアカウントを信頼しているすべてのロールを引き受けられます。',
      passRoleLambda: '{{policy}} はすべてのリソースに対して {{actions}} を許可しています。管理者ロールを含む任意のロールで Lambda 関数を作って実行し、そのロールの権限で操作できます。',
      updateFunctionCode: '{{policy}} はすべてのリソースに対して {{actions}} を許可しています。任意の Lambda 関数のコードを書き換え、その関数のロールの権限で操作できます。',
      passRoleEc2: '{{policy}} はすべてのリソースに対して {{actions}} を許可しています。管理者ロールを含む任意のロールで EC2 インスタンスを起動し、そのロールの認証情報を使えます。',
      passRoleCloudFormation: '{{policy}} はすべてのリソースに対して {{actions}} を許可しています。管理者ロールを含む任意のロールで動く CloudFormation スタックを作れます。',
      passRoleGlue: '{{policy}} はすべてのリソースに対して {{actions}} を許可しています。任意のロールで Glue の開発エンドポイントを作り、そこからロールの認証情報を使えます。',
      updateDevEndpoint: '{{policy}} はすべてのリソースに対して {{actions}} を許可しています。任意の Glue 開発エンドポイントに自分の SSH キーを登録し、エンドポイントのロールを使えます。',
      passRoleDataPipeline: '{{policy}} はすべてのリソースに対して {{actions}} を許可しています。管理者ロールを含む任意のロールでコマンドを実行する Data Pipeline を作れます。',
      passRoleSageMaker: '{{policy}} はすべてのリソースに対して {{actions}} を許可しています。任意のロールで SageMaker ノートブックを作って開き、そのロールの権限で操作できます。',
    },
  },
  snippets: {
    terraform: `data "aws_iam_policy_document" "deployer" {
  statement {
    actions   = ["lambda:CreateFunction", "lambda:UpdateFunctionCode"]
    resources = ["arn:aws:lambda:*:\${data.aws_caller_identity.current.account_id}:function:app-*"]
  }
  statement {
    actions   = ["iam:PassRole"]
    resources = [aws_iam_role.app_function.arn]      # not "*"
    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["lambda.amazonaws.com"]
    }
  }
}`,
    cloudformation: `DeployerPolicy:
  Type: AWS::IAM::ManagedPolicy
  Properties:
    PolicyDocument:
      Version: "2012-10-17"
      Statement:
        - Effect: Allow
          Action: [lambda:CreateFunction, lambda:UpdateFunctionCode]
          Resource: !Sub "arn:\${AWS::Partition}:lambda:*:\${AWS::AccountId}:function:app-*"
        - Effect: Allow
          Action: iam:PassRole
          Resource: !GetAtt AppFunctionRole.Arn
          Condition:
            StringEquals:
              iam:PassedToService: lambda.amazonaws.com`,
    cdk: `appFunctionRole.grantPassRole(deployer);   // iam:PassRole on this role only
deployer.addToPrincipalPolicy(new iam.PolicyStatement({
  actions: ['lambda:CreateFunction', 'lambda:UpdateFunctionCode'],
  resources: [this.formatArn({ service: 'lambda', resource: 'function', resourceName: 'app-*', arnFormat: ArnFormat.COLON_RESOURCE_NAME })],
}));`,
    pulumi: `new aws.iam.Policy("deployer", {
  policy: pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow", Action: ["lambda:CreateFunction", "lambda:UpdateFunctionCode"], Resource: "arn:aws:lambda:*:111122223333:function:app-*" },
      { Effect: "Allow", Action: "iam:PassRole", Resource: appFunctionRole.arn,
        Condition: { StringEquals: { "iam:PassedToService": "lambda.amazonaws.com" } } },
    ],
  }),
});`,
  },
  check(doc, { fail, unknown, pass, notApplicable }) {
    if (doc.purpose !== 'identity') return notApplicable();
    if (!doc.statements) return unknown(doc.at);
    // A policy granting everything is aws-iam-full-admin's; every path would follow from it.
    if (doc.statements.some((s) => isFullAdminStatement(s) === true) || doc.statements.every(outsidePaths)) return pass();
    const policy = doc.name ?? doc.resource.address;
    const paths = evaluatePaths(doc, doc.statements);
    const verdicts: Verdict<Message>[] = paths.filter((p) => p.granted === true).map((p) => fail(p.id, p.at, { policy, actions: joined(p.actions) }));
    if (verdicts.length === 0 && paths.some((p) => p.granted === undefined)) return unknown(doc.at);
    return verdicts.length > 0 ? verdicts : pass();
  },
});
