import { definePolicy, type Verdict } from '../../../src/engine/policy.js';
import { isWritten } from '../../../src/models/attr.js';
import type { LayerPermission } from '../../../src/models/aws/lambda.js';

type Message = 'publicLayer' | 'principalUnknown';

/**
 * Who a permission shares the layer version with: `everyone` for principal `*` with no organization,
 * `limited` for an account ID, the deploying account or `*` within an organization, `undefined`
 * when the principal is known only at deployment.
 */
function audience(p: LayerPermission): 'everyone' | 'limited' | undefined {
  if (isWritten(p.organizationId)) return 'limited';
  if (p.principal.origin === 'unknown') return p.principalIsOwnAccount ? 'limited' : undefined;
  return p.principal.value === '*' ? 'everyone' : 'limited';
}

export default definePolicy({
  id: 'aws-lambda-layer-public',
  severity: 'high',
  model: 'aws.lambda.LayerVersion',
  frameworks: {
    guideline: ['6.2'],
    iso27017: ['9.4.1'],
    soc2: ['CC6.1'],
  },
  text: {
    en: {
      title: 'Lambda layer version can be used by every AWS account',
      description:
        'Checks the permissions of each Lambda layer version — aws_lambda_layer_version_permission, AWS::Lambda::LayerVersionPermission, and LayerVersion.addPermission in CDK — for principal "*" with no organization_id / OrganizationId. Such a permission lets every AWS account call lambda:GetLayerVersion on the layer version: download its code and add it to their own functions. Principal "*" with an organization ID shares it only with the accounts of that organization, and an account ID with that one account; both pass.',
      rationale:
        'Anyone can open an AWS account, so a layer shared with every account is as good as published. Whatever the layer bundles is handed out with it: your libraries and internal code, configuration files, and any key, token or password packed into the archive. The permission also outlives the layer\'s purpose: it stays on that version until it is removed, whoever downloaded it keeps the copy.',
      fix: 'Share the layer version with specific account IDs, or keep principal "*" and set organization_id / OrganizationId to your organization.',
      remediation:
        'Give lambda:GetLayerVersion to the accounts that use the layer, one permission per account ID, or set principal "*" together with organization_id / OrganizationId (o-…) to share it with the accounts of your AWS Organizations organization only. Terraform: organization_id on aws_lambda_layer_version_permission. CloudFormation: OrganizationId on AWS::Lambda::LayerVersionPermission. CDK: layer.addPermission(id, { accountId: \'*\', organizationId: \'o-…\' }) or an account ID. Pulumi: organizationId on aws.lambda.LayerVersionPermission. If the layer really is meant for everyone (a public library), make sure it bundles no secrets or internal code, and record the decision as a suppression with its reason. A version already shared stays downloadable until the permission is removed: remove it, and rotate any secret the layer held.',
    },
    ja: {
      title: 'Lambda レイヤーのバージョンをすべての AWS アカウントが使える',
      description:
        'Lambda レイヤーの各バージョンのアクセス許可（aws_lambda_layer_version_permission、AWS::Lambda::LayerVersionPermission、CDK の LayerVersion.addPermission）について、organization_id / OrganizationId を指定せずにプリンシパルを "*" にしていないかを確認します。このアクセス許可があると、すべての AWS アカウントがそのバージョンに対して lambda:GetLayerVersion を実行でき、コードをダウンロードしたり自分の関数に追加したりできます。プリンシパルが "*" でも組織 ID を指定していればその組織のアカウントだけに、アカウント ID を指定していればそのアカウントだけに共有されるため、問題なしとします。',
      rationale:
        'AWS アカウントは誰でも作れるため、すべてのアカウントに共有したレイヤーは一般公開したのと同じです。レイヤーに含まれるものはすべて一緒に渡ります。自社のライブラリや社内のコード、設定ファイル、アーカイブに入れてしまったキーやトークン、パスワードも例外ではありません。また、アクセス許可は削除するまでそのバージョンに残り、一度ダウンロードされたコピーは取り戻せません。',
      fix: 'レイヤーのバージョンは特定のアカウント ID に共有するか、プリンシパルを "*" のままにする場合は organization_id / OrganizationId に自社の組織 ID を指定してください。',
      remediation:
        'lambda:GetLayerVersion は、レイヤーを使うアカウントにアカウント ID ごとに 1 つずつ許可します。組織内で共有する場合は、プリンシパル "*" と organization_id / OrganizationId（o-…）を組み合わせ、AWS Organizations の組織のアカウントだけに共有します。Terraform なら aws_lambda_layer_version_permission の organization_id、CloudFormation なら AWS::Lambda::LayerVersionPermission の OrganizationId、CDK なら layer.addPermission(id, { accountId: \'*\', organizationId: \'o-…\' })（またはアカウント ID の指定）、Pulumi なら aws.lambda.LayerVersionPermission の organizationId を使います。公開ライブラリのように本当に誰にでも使わせるレイヤーであれば、秘密情報や社内のコードが含まれていないことを確かめたうえで、その判断を理由付きの抑制（suppression）として記録してください。すでに共有したバージョンは、アクセス許可を削除するまでダウンロードできます。アクセス許可を削除し、レイヤーに含まれていた秘密情報は無効にして作り直してください。',
    },
  },
  messages: {
    en: {
      publicLayer: 'Permission {{permission}} lets every AWS account (principal "*", no organization ID) call {{action}} on layer {{layer}}: anyone can download its code and whatever is bundled in it.',
      principalUnknown: 'Permission {{permission}} on layer {{layer}} names a principal known only at deployment, with no organization ID: if it is "*", every AWS account can download the layer\'s code.',
    },
    ja: {
      publicLayer: 'アクセス許可 {{permission}} は、組織 ID を指定せずにプリンシパルを "*" にしており、すべての AWS アカウントがレイヤー {{layer}} に対して {{action}} を実行できます。誰でもレイヤーのコードと、そこに含まれるものをダウンロードできます。',
      principalUnknown: 'アクセス許可 {{permission}} はレイヤー {{layer}} のプリンシパルがデプロイ時まで決まらず、組織 ID の指定もありません。プリンシパルが "*" になると、すべての AWS アカウントがレイヤーのコードをダウンロードできます。',
    },
  },
  snippets: {
    terraform: `resource "aws_lambda_layer_version_permission" "shared" {
  layer_name      = aws_lambda_layer_version.shared.layer_name
  version_number  = aws_lambda_layer_version.shared.version
  statement_id    = "OrganizationAccounts"
  action          = "lambda:GetLayerVersion"
  principal       = "*"
  organization_id = "o-a1b2c3d4e5"   # or principal = "111122223333" and no organization_id
}`,
    cloudformation: `SharedLayerPermission:
  Type: AWS::Lambda::LayerVersionPermission
  Properties:
    Action: lambda:GetLayerVersion
    LayerVersionArn: !Ref SharedLayer
    Principal: "*"
    OrganizationId: o-a1b2c3d4e5        # or Principal: "111122223333"`,
    cdk: `layer.addPermission('OrganizationAccounts', {
  accountId: '*',
  organizationId: 'o-a1b2c3d4e5',      // or accountId: '111122223333'
});`,
    pulumi: `new aws.lambda.LayerVersionPermission("shared", {
  layerName: shared.layerName,
  versionNumber: shared.version.apply(Number),
  statementId: "OrganizationAccounts",
  action: "lambda:GetLayerVersion",
  principal: "*",
  organizationId: "o-a1b2c3d4e5",       // or principal: "111122223333"
});`,
  },
  check(layer, { fail, unknown, pass }) {
    const verdicts: Verdict<Message>[] = [];
    for (const p of layer.permissions) {
      const data = { permission: p.node.address, layer: layer.name, action: p.action.value ?? 'lambda:GetLayerVersion' };
      const who = audience(p);
      if (who === undefined) verdicts.push(unknown(p.principal, 'principalUnknown', data));
      else if (who === 'everyone') verdicts.push(fail('publicLayer', p.principal, data));
    }
    return verdicts.length > 0 ? verdicts : pass();
  },
});
