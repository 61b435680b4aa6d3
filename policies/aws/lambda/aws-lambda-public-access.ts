import { shown } from '../../../src/i18n/phrase.js';
import { definePolicy, type Verdict } from '../../../src/engine/policy.js';
import { isWritten, type Attr } from '../../../src/models/attr.js';
import type { LambdaPermission } from '../../../src/models/aws/lambda.js';
import { UNKNOWN_ACTION } from '../../../src/models/aws/iam-queries.js';

type Message = 'publicPermission' | 'publicUrl' | 'serviceWithoutSource' | 'bucketWithoutSourceAccount' | 'sourceArnAnyAccount';

/** Why a permission lets callers the function's owner does not control invoke it, and where that is written. */
interface Opening {
  readonly message: Exclude<Message, 'publicUrl'>;
  readonly at: Attr<string>;
}

/**
 * AWS service principals (`sns.amazonaws.com`; `…amazonaws.com.cn` in the China Regions). Lambda's
 * AddPermission reference asks for SourceArn or SourceAccount with a service principal, to limit
 * whose resources the service may invoke the function for.
 */
const SERVICE_PRINCIPAL = /^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/i;

/**
 * Amazon S3: a bucket's ARN carries no account ID and a deleted bucket's name can be taken by
 * another account, so only `SourceAccount` ties the permission to the owner's buckets (Lambda
 * developer guide; Security Hub Lambda.1 fails S3 permissions without it).
 */
const S3_PRINCIPAL = /^s3\.amazonaws\.com(\.cn)?$/i;

/**
 * Whether a `SourceArn` limits the callers at all: any value but one whose resource part is only a
 * wildcard (`*`, `arn:aws:s3:::*`), which every bucket, topic or API of any account matches.
 */
function narrowsBySource(a: Attr<string>): boolean {
  if (!isWritten(a)) return false;
  if (a.origin === 'unknown') return true;
  const v = a.value!;
  return !(v === '*' || /^arn:[^:]*:[^:]*:[^:]*:[^:]*:\*$/.test(v));
}

/**
 * Whether a written `SourceArn` names one account: an account ID in its account field, or one a
 * reference fills in. An S3 bucket's ARN (empty field) and a wildcard match resources of any account.
 */
const namesOneAccount = (account: Attr<string>): boolean => account.origin === 'unknown' || /^\d{12}$/.test(account.value ?? '');

/** Principal `*`: public unless a source account, an organization, or a source ARN of one account limits it. */
function everyoneOpening(p: LambdaPermission): Opening | false {
  if (isWritten(p.sourceAccount) || isWritten(p.principalOrgId)) return false;
  if (!narrowsBySource(p.sourceArn)) return { message: 'publicPermission', at: p.principal };
  return namesOneAccount(p.sourceArnAccount) ? false : { message: 'sourceArnAnyAccount', at: p.sourceArn };
}

/**
 * A service principal: open to that service acting for any account's resources unless
 * `SourceAccount`, or (but for S3) a `SourceArn` naming one account, ties it to the owner's.
 * A `PrincipalOrgID` closes it altogether: Lambda writes it as an `aws:PrincipalOrgID` condition,
 * a key IAM fills in only for a caller that belongs to an organization, which an AWS service
 * principal never does, so the statement lets the service call for no one.
 */
function serviceOpening(p: LambdaPermission, principal: string): Opening | false {
  if (isWritten(p.sourceAccount) || isWritten(p.principalOrgId)) return false;
  if (!isWritten(p.sourceArn)) return { message: 'serviceWithoutSource', at: p.principal };
  if (S3_PRINCIPAL.test(principal)) return { message: 'bucketWithoutSourceAccount', at: p.sourceArn };
  return namesOneAccount(p.sourceArnAccount) ? false : { message: 'sourceArnAnyAccount', at: p.sourceArn };
}

/**
 * What opens a permission to callers outside the owner's control, with the principal it is open
 * to; `false` if nothing, `undefined` if the principal is known only at deployment.
 */
function opening(p: LambdaPermission): (Opening & { readonly principal: string }) | false | undefined {
  // The owner's own account ID, written as a reference to it: one account, neither everyone nor a service.
  if (p.principal.origin === 'unknown') return p.principalIsOwnAccount ? false : undefined;
  const principal = p.principal.value ?? '';
  const open = principal === '*' ? everyoneOpening(p) : SERVICE_PRINCIPAL.test(principal) && serviceOpening(p, principal);
  return open && { ...open, principal };
}

/**
 * A permission that only applies to calls through a function URL with no IAM authentication:
 * whether that is public depends on the URL's auth type, which the URL finding reports.
 */
const forUnauthenticatedUrl = (p: LambdaPermission): boolean =>
  (p.functionUrlAuthType.value?.toUpperCase() === 'NONE' || p.invokedViaFunctionUrl.value === true) && p.functionUrlAuthType.value?.toUpperCase() !== 'AWS_IAM';

export default definePolicy({
  id: 'aws-lambda-public-access',
  severity: 'high',
  model: 'aws.lambda.Function',
  frameworks: {
    guideline: ['6.2'],
    iso27017: ['9.4.1'],
    soc2: ['CC6.1', 'CC6.6'],
    fsbp: ['Lambda.1'],
  },
  text: {
    en: {
      title: 'Lambda function can be invoked by anyone',
      description:
        'Checks the resource-based policy of each Lambda function — aws_lambda_permission, AWS::Lambda::Permission — for a statement with Principal "*" that no source_arn / SourceArn, source_account / SourceAccount or principal_org_id / PrincipalOrgID limits; for a statement granting an AWS service (sns.amazonaws.com, apigateway.amazonaws.com, …) that neither source_account / SourceAccount nor a source_arn / SourceArn naming one account ties to your own resources; and for a statement granting Amazon S3 (s3.amazonaws.com) without source_account / SourceAccount, which a bucket ARN cannot replace because it carries no account ID (Security Hub control Lambda.1 fails these too). A statement for a service with principal_org_id / PrincipalOrgID passes: that condition admits only callers that belong to the organization, which no AWS service principal does, so the statement lets the service call for no one. Also checks each function URL — aws_lambda_function_url, AWS::Lambda::Url — for authorization type NONE, which Lambda documents as a public endpoint unless the function implements its own authorization.',
      rationale:
        'A function anyone can invoke runs with its execution role for whoever calls it: it can leak the data it reads, change what it writes, and run up cost with every call. With Principal "*" any AWS account can call it directly; with a function URL of auth type NONE anyone on the internet can, without signing the request at all. A permission for an AWS service with no source limits lets that service invoke the function for a resource in any account, so anyone can point their own topic, API or bucket at it. S3 bucket names are global but not permanent: once a bucket is deleted, another account can create one of the same name, so a source ARN naming a bucket only ties the permission to your account together with the source account (the confused deputy problem).',
      fix: 'Grant the permission to a specific principal and tie it to your own resources with a source ARN and source_account / SourceAccount (always for Amazon S3), and use AWS_IAM for function URLs.',
      remediation:
        'Give lambda:InvokeFunction to the service or account that calls the function (apigateway.amazonaws.com, s3.amazonaws.com, an account ID). For a service, set source_arn / SourceArn to the resource that calls it (the topic, API or rule) and source_account / SourceAccount to your account ID — data.aws_caller_identity in Terraform, ${AWS::AccountId} in CloudFormation, Stack.of(this).account in CDK, aws.getCallerIdentity in Pulumi. For Amazon S3 the source account is required: a bucket ARN carries no account ID. Use principal_org_id / PrincipalOrgID to open a function to the accounts of your organization. Set the function URL\'s authorization type to AWS_IAM and grant lambda:InvokeFunctionUrl to the callers; if the endpoint must be public, put it behind API Gateway or CloudFront with authentication, throttling and AWS WAF instead of a bare function URL.',
    },
    ja: {
      title: 'Lambda 関数を誰でも呼び出せる',
      description:
        '各 Lambda 関数のリソースベースのポリシー（aws_lambda_permission、AWS::Lambda::Permission）について、source_arn / SourceArn、source_account / SourceAccount、principal_org_id / PrincipalOrgID のいずれでも絞り込まれていない Principal "*" のステートメントがないか、AWS のサービス（sns.amazonaws.com、apigateway.amazonaws.com など）に与えた許可が source_account / SourceAccount か、アカウントを 1 つに特定する source_arn / SourceArn で自分のリソースに結び付けられているか、Amazon S3（s3.amazonaws.com）に与えた許可に source_account / SourceAccount があるかを確認します。バケットの ARN にはアカウント ID が含まれないため、S3 では送信元 ARN だけでは足りません（Security Hub のコントロール Lambda.1 もこれを失敗にします）。サービスに与えた許可に principal_org_id / PrincipalOrgID が付いている場合は問題なしとします。この条件を満たすのは組織に属する呼び出し元だけで、AWS のサービスプリンシパルはどの組織にも属さないため、その許可ではサービスは誰のためにも関数を呼び出せません。あわせて、関数 URL（aws_lambda_function_url、AWS::Lambda::Url）の認証タイプが NONE になっていないかも確認します。NONE の関数 URL は、関数が独自に認可を実装しない限り公開エンドポイントになると Lambda のドキュメントに書かれています。',
      rationale:
        '誰でも呼び出せる関数は、呼び出した相手が誰であっても実行ロールの権限で動きます。読み取るデータを漏らしたり、書き込む内容を改ざんされたり、呼び出しのたびに費用がかさんだりします。Principal "*" ならどの AWS アカウントからでも直接呼び出せ、認証タイプ NONE の関数 URL ならインターネット上の誰でも、リクエストに署名すらせずに呼び出せます。AWS のサービスへの許可に送信元の制限がないと、そのサービスはどのアカウントのリソースのためにでも関数を呼び出せるため、誰でも自分の SNS トピックや API、S3 バケットをこの関数につなげられます。また、S3 のバケット名は全体で一意ですが、バケットを削除すると別のアカウントが同じ名前で作り直せます。そのため、バケットを指す送信元 ARN は、送信元アカウントと組み合わせて初めて自分のアカウントのバケットに限定できます（いわゆる「混乱した代理（confused deputy）」の問題です）。',
      fix: '許可は特定のプリンシパルに与え、送信元 ARN と source_account / SourceAccount（Amazon S3 では必須）で自分のリソースに絞り込んでください。関数 URL には AWS_IAM を使ってください。',
      remediation:
        'lambda:InvokeFunction は、関数を呼び出すサービスやアカウント（apigateway.amazonaws.com、s3.amazonaws.com、アカウント ID など）に与えます。サービスに与える場合は、source_arn / SourceArn に呼び出し元のリソース（トピック、API、ルールなど）を、source_account / SourceAccount に自分のアカウント ID を指定します。アカウント ID は、Terraform なら data.aws_caller_identity、CloudFormation なら ${AWS::AccountId}、CDK なら Stack.of(this).account、Pulumi なら aws.getCallerIdentity から取れます。Amazon S3 ではバケットの ARN にアカウント ID が含まれないため、source_account / SourceAccount が必須です（例: principal = "s3.amazonaws.com"、source_arn = aws_s3_bucket.uploads.arn、source_account = data.aws_caller_identity.current.account_id）。組織内のアカウントに限って開放する場合は principal_org_id / PrincipalOrgID を使います。関数 URL の認証タイプは AWS_IAM にして、呼び出し元に lambda:InvokeFunctionUrl を許可します。どうしても公開が必要なエンドポイントは、関数 URL をそのまま公開せず、認証、スロットリング、AWS WAF を備えた API Gateway や CloudFront の背後に置いてください。',
    },
  },
  messages: {
    en: {
      publicPermission: 'Permission {{permission}} lets anyone ("*") call {{action}} on function {{function}}, with no source ARN, source account or organization limiting it.',
      publicUrl: 'Function URL {{url}} of function {{function}} has authorization type NONE: anyone on the internet can invoke the function without signing the request.',
      serviceWithoutSource:
        'Permission {{permission}} lets principal "{{principal}}" call {{action}} on function {{function}} with no source ARN or source account: the service invokes it for a resource in any AWS account, so anyone can point their own resource at the function. Set the source ARN to your resource and the source account to your account ID.',
      bucketWithoutSourceAccount:
        'Permission {{permission}} lets principal "{{principal}}" call {{action}} on function {{function}} for the bucket its source ARN names, with no source account: a bucket ARN carries no account ID, and once the bucket is deleted another account can create one of the same name and invoke the function. Set source_account / SourceAccount to your account ID.',
      sourceArnAnyAccount:
        'Permission {{permission}} lets principal "{{principal}}" call {{action}} on function {{function}} for a source ARN that names no single account (an S3 bucket ARN, or a wildcard account), with no source account: a resource of that name in another account can invoke the function. Set source_account / SourceAccount to your account ID.',
    },
    ja: {
      publicPermission: 'アクセス許可 {{permission}} は、送信元 ARN、送信元アカウント、組織のいずれでも絞り込まずに、誰でも（"*"）関数 {{function}} に対して {{action}} を実行できるようにしています。',
      publicUrl: '関数 {{function}} の関数 URL {{url}} は認証タイプが NONE で、インターネット上の誰でも署名なしで関数を呼び出せます。',
      serviceWithoutSource:
        'アクセス許可 {{permission}} は、送信元 ARN も送信元アカウントも指定せずに、プリンシパル "{{principal}}" が関数 {{function}} に対して {{action}} を実行できるようにしています。このサービスはどの AWS アカウントのリソースのためにでも関数を呼び出すため、誰でも自分のリソースをこの関数につなげられます。source_arn / SourceArn に呼び出し元の自分のリソースを、source_account / SourceAccount に自分のアカウント ID を指定してください。',
      bucketWithoutSourceAccount:
        'アクセス許可 {{permission}} は、送信元 ARN でバケットを指定していますが送信元アカウントがないまま、プリンシパル "{{principal}}" が関数 {{function}} に対して {{action}} を実行できるようにしています。バケットの ARN にはアカウント ID が含まれず、バケットを削除すると別のアカウントが同じ名前のバケットを作って関数を呼び出せます。source_account / SourceAccount に自分のアカウント ID（例: data.aws_caller_identity.current.account_id、!Ref AWS::AccountId）を指定してください。',
      sourceArnAnyAccount:
        'アクセス許可 {{permission}} は、プリンシパル "{{principal}}" が関数 {{function}} に対して {{action}} を実行できる送信元を、アカウントを 1 つに特定しない ARN（S3 バケットの ARN や、アカウント部分がワイルドカードの ARN）で指定しており、送信元アカウントもありません。別のアカウントにある同じ名前のリソースから関数を呼び出せます。source_account / SourceAccount に自分のアカウント ID を指定してください。',
    },
  },
  snippets: {
    terraform: `data "aws_caller_identity" "current" {}

resource "aws_lambda_permission" "api" {
  statement_id  = "AllowApiGateway"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.app.function_name
  principal     = "apigateway.amazonaws.com"                       # not "*"
  source_arn    = "\${aws_api_gateway_rest_api.app.execution_arn}/*"
}

resource "aws_lambda_permission" "uploads" {
  statement_id   = "AllowUploadsBucket"
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.app.function_name
  principal      = "s3.amazonaws.com"
  source_arn     = aws_s3_bucket.uploads.arn
  source_account = data.aws_caller_identity.current.account_id   # a bucket ARN names no account
}

resource "aws_lambda_function_url" "app" {
  function_name      = aws_lambda_function.app.function_name
  authorization_type = "AWS_IAM"                                   # not "NONE"
}`,
    cloudformation: `ApiPermission:
  Type: AWS::Lambda::Permission
  Properties:
    Action: lambda:InvokeFunction
    FunctionName: !Ref AppFunction
    Principal: apigateway.amazonaws.com
    SourceArn: !Sub "arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${Api}/*"

UploadsPermission:
  Type: AWS::Lambda::Permission
  Properties:
    Action: lambda:InvokeFunction
    FunctionName: !Ref AppFunction
    Principal: s3.amazonaws.com
    SourceArn: !GetAtt UploadsBucket.Arn
    SourceAccount: !Ref AWS::AccountId          # a bucket ARN names no account

AppFunctionUrl:
  Type: AWS::Lambda::Url
  Properties:
    TargetFunctionArn: !GetAtt AppFunction.Arn
    AuthType: AWS_IAM`,
    cdk: `fn.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.AWS_IAM });   // not NONE
fn.grantInvoke(new iam.ServicePrincipal('apigateway.amazonaws.com', {
  conditions: { ArnLike: { 'aws:SourceArn': api.arnForExecuteApi() } },
}));
// S3 notifications set both the bucket ARN and the account:
bucket.addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.LambdaDestination(fn));
// or, by hand:
fn.addPermission('FromUploads', {
  principal: new iam.ServicePrincipal('s3.amazonaws.com'),
  sourceArn: bucket.bucketArn,
  sourceAccount: Stack.of(this).account,
});`,
    pulumi: `const current = aws.getCallerIdentityOutput();
new aws.lambda.Permission("api", {
  action: "lambda:InvokeFunction",
  function: app.name,
  principal: "apigateway.amazonaws.com",
  sourceArn: pulumi.interpolate\`\${api.executionArn}/*\`,
});
new aws.lambda.Permission("uploads", {
  action: "lambda:InvokeFunction",
  function: app.name,
  principal: "s3.amazonaws.com",
  sourceArn: uploads.arn,
  sourceAccount: current.accountId,   // a bucket ARN names no account
});
new aws.lambda.FunctionUrl("app", { functionName: app.name, authorizationType: "AWS_IAM" });`,
  },
  check(fn, { fail, unknown, pass }) {
    const verdicts: Verdict<Message>[] = [];
    for (const url of fn.urls) {
      const type = url.authType;
      if (type.origin === 'unknown') verdicts.push(unknown(type));
      else if (type.value?.toUpperCase() === 'NONE') verdicts.push(fail('publicUrl', type, { url: url.node.address, function: fn.name }));
    }
    for (const p of fn.permissions) {
      // The URL it serves is reported above; a URL elsewhere is what makes it public.
      if (fn.urls.length > 0 && forUnauthenticatedUrl(p)) continue;
      const open = opening(p);
      if (open === undefined) verdicts.push(unknown(p.principal));
      else if (open) verdicts.push(fail(open.message, open.at, { permission: p.node.address, principal: open.principal, action: shown(p.action, UNKNOWN_ACTION), function: fn.name }));
    }
    return verdicts.length > 0 ? verdicts : pass();
  },
});
