import { definePolicy, type Verdict } from '../../../src/engine/policy.js';
import type { Attr } from '../../../src/models/attr.js';
import type { LambdaPermission } from '../../../src/models/aws/lambda.js';
import { or, type Maybe } from '../../../src/models/aws/iam-queries.js';

type Message = 'publicPermission' | 'publicUrl';

/** Whether a written value is present: explicit or unknown (a reference still names something). */
const written = (a: Attr<string>): boolean => a.origin !== 'default' && a.value !== '';

/**
 * Whether a `SourceArn` limits the callers: any value but one whose resource part is only a
 * wildcard (`*`, `arn:aws:s3:::*`), which every bucket, topic or API of any account matches.
 */
function narrowsBySource(a: Attr<string>): Maybe {
  if (!written(a)) return false;
  if (a.origin === 'unknown') return true;
  const v = a.value!;
  return !(v === '*' || /^arn:[^:]*:[^:]*:[^:]*:[^:]*:\*$/.test(v));
}

/** Whether the permission is limited to a source account, a source resource or an organization. */
function narrowed(p: LambdaPermission): Maybe {
  return or([narrowsBySource(p.sourceArn), written(p.sourceAccount), written(p.principalOrgId)]);
}

/** Whether the principal is everyone. */
function publicPrincipal(p: LambdaPermission): Maybe {
  if (p.principal.origin === 'unknown') return undefined;
  return p.principal.value === '*';
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
        'Checks the resource-based policy of each Lambda function — aws_lambda_permission, AWS::Lambda::Permission — for a statement with Principal "*" that no source_arn / SourceArn, source_account / SourceAccount or principal_org_id / PrincipalOrgID limits, and each function URL — aws_lambda_function_url, AWS::Lambda::Url — for authorization type NONE, which Lambda documents as a public endpoint unless the function implements its own authorization.',
      rationale:
        'A function anyone can invoke runs with its execution role for whoever calls it: it can leak the data it reads, change what it writes, and run up cost with every call. With Principal "*" any AWS account can call it directly; with a function URL of auth type NONE anyone on the internet can, without signing the request at all.',
      fix: 'Grant the permission to a specific principal with a source ARN or account, and use AWS_IAM for function URLs.',
      remediation:
        'Give lambda:InvokeFunction to the service or account that calls the function (apigateway.amazonaws.com, s3.amazonaws.com, an account ID) and limit it with source_arn / SourceArn and source_account / SourceAccount, or with principal_org_id / PrincipalOrgID for your organization. Set the function URL\'s authorization type to AWS_IAM and grant lambda:InvokeFunctionUrl to the callers; if the endpoint must be public, put it behind API Gateway or CloudFront with authentication, throttling and AWS WAF instead of a bare function URL.',
    },
    ja: {
      title: 'Lambda 関数を誰でも呼び出せる',
      description:
        '各 Lambda 関数のリソースベースのポリシー（aws_lambda_permission、AWS::Lambda::Permission）に、source_arn / SourceArn、source_account / SourceAccount、principal_org_id / PrincipalOrgID のいずれでも絞り込まれていない Principal "*" のステートメントがないか、また関数 URL（aws_lambda_function_url、AWS::Lambda::Url）の認証タイプが NONE になっていないかを確認します。NONE の関数 URL は、関数が独自に認可を実装しない限り公開エンドポイントになると Lambda のドキュメントに書かれています。',
      rationale:
        '誰でも呼び出せる関数は、呼び出した相手が誰であっても実行ロールの権限で動きます。読み取るデータを漏らしたり、書き込む内容を改ざんされたり、呼び出しのたびに費用がかさんだりします。Principal "*" ならどの AWS アカウントからでも直接呼び出せ、認証タイプ NONE の関数 URL ならインターネット上の誰でも、リクエストに署名すらせずに呼び出せます。',
      fix: '許可は特定のプリンシパルに与えて送信元 ARN やアカウントで絞り込み、関数 URL には AWS_IAM を使ってください。',
      remediation:
        'lambda:InvokeFunction は、関数を呼び出すサービスやアカウント（apigateway.amazonaws.com、s3.amazonaws.com、アカウント ID など）に与え、source_arn / SourceArn と source_account / SourceAccount で絞り込みます。組織内に限る場合は principal_org_id / PrincipalOrgID を使います。関数 URL の認証タイプは AWS_IAM にして、呼び出し元に lambda:InvokeFunctionUrl を許可します。どうしても公開が必要なエンドポイントは、関数 URL をそのまま公開せず、認証、スロットリング、AWS WAF を備えた API Gateway や CloudFront の背後に置いてください。',
    },
  },
  messages: {
    en: {
      publicPermission: 'Permission {{permission}} lets anyone ("*") call {{action}} on function {{function}}, with no source ARN, source account or organization limiting it.',
      publicUrl: 'Function URL {{url}} of function {{function}} has authorization type NONE: anyone on the internet can invoke the function without signing the request.',
    },
    ja: {
      publicPermission: 'アクセス許可 {{permission}} は、送信元 ARN、送信元アカウント、組織のいずれでも絞り込まずに、誰でも（"*"）関数 {{function}} に対して {{action}} を実行できるようにしています。',
      publicUrl: '関数 {{function}} の関数 URL {{url}} は認証タイプが NONE で、インターネット上の誰でも署名なしで関数を呼び出せます。',
    },
  },
  snippets: {
    terraform: `resource "aws_lambda_permission" "api" {
  statement_id  = "AllowApiGateway"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.app.function_name
  principal     = "apigateway.amazonaws.com"                       # not "*"
  source_arn    = "\${aws_api_gateway_rest_api.app.execution_arn}/*"
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

AppFunctionUrl:
  Type: AWS::Lambda::Url
  Properties:
    TargetFunctionArn: !GetAtt AppFunction.Arn
    AuthType: AWS_IAM`,
    cdk: `fn.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.AWS_IAM });   // not NONE
fn.grantInvoke(new iam.ServicePrincipal('apigateway.amazonaws.com', {
  conditions: { ArnLike: { 'aws:SourceArn': api.arnForExecuteApi() } },
}));`,
    pulumi: `new aws.lambda.Permission("api", {
  action: "lambda:InvokeFunction",
  function: app.name,
  principal: "apigateway.amazonaws.com",
  sourceArn: pulumi.interpolate\`\${api.executionArn}/*\`,
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
      const everyone = publicPrincipal(p);
      const limited = everyone === false ? true : narrowed(p);
      if (everyone === false || limited === true) continue;
      if (everyone === undefined || limited === undefined) {
        verdicts.push(unknown(p.principal));
        continue;
      }
      verdicts.push(fail('publicPermission', p.principal, { permission: p.node.address, action: p.action.value ?? '?', function: fn.name }));
    }
    return verdicts.length > 0 ? verdicts : pass();
  },
});
