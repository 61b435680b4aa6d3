import type { ResourceNode } from '../../graph/resource.js';
import type { Attr, Model } from '../attr.js';

/** What every Lambda permission statement grants, and to whom: a function's or a layer version's. */
export interface LambdaGrant {
  readonly node: ResourceNode;
  readonly action: Attr<string>;
  /** `*`, an account ID or ARN, or (for a function) a service principal. */
  readonly principal: Attr<string>;
  /**
   * The principal, known only at deployment, is the account the sources deploy to (`!Ref
   * AWS::AccountId`, CDK's `AccountRootPrincipal`, `data.aws_caller_identity.current.account_id`):
   * neither everyone nor a service.
   */
  readonly principalIsOwnAccount: boolean;
}

/** One statement of a function's resource-based policy (`aws_lambda_permission`, `AWS::Lambda::Permission`). */
export interface LambdaPermission extends LambdaGrant {
  readonly sourceArn: Attr<string>;
  /**
   * The account ID field of `sourceArn`: its text when written out — empty for an S3 bucket ARN,
   * which has none, `*` for a pattern that matches any account — and unknown when a reference
   * fills it in (`${AWS::AccountId}`, another resource's ARN). Not written when `sourceArn` is not.
   */
  readonly sourceArnAccount: Attr<string>;
  readonly sourceAccount: Attr<string>;
  readonly principalOrgId: Attr<string>;
  /** Limits the statement to calls through a function URL of this auth type (`NONE`, `AWS_IAM`). */
  readonly functionUrlAuthType: Attr<string>;
  /** Limits `lambda:InvokeFunction` to calls through a function URL. */
  readonly invokedViaFunctionUrl: Attr<boolean>;
}

/** A function URL (`aws_lambda_function_url`, `AWS::Lambda::Url`). */
export interface FunctionUrl {
  readonly node: ResourceNode;
  /** `NONE` (no IAM authentication: public) or `AWS_IAM`. Required in both formats. */
  readonly authType: Attr<string>;
}

/**
 * A Lambda function with who may call it: its permissions and function URLs, joined from their
 * separate resources. A permission or URL whose function is not in the sources is anchored on
 * itself.
 */
export interface LambdaFunction extends Model {
  /** The function's name as written, else the address of what findings name. */
  readonly name: string;
  /** Whether the function itself is in the sources. */
  readonly declared: boolean;
  readonly permissions: readonly LambdaPermission[];
  readonly urls: readonly FunctionUrl[];
}

/** One statement of a layer version's permissions (`aws_lambda_layer_version_permission`, `AWS::Lambda::LayerVersionPermission`). */
export interface LayerPermission extends LambdaGrant {
  /** With principal `*` (every AWS account; `action` is `lambda:GetLayerVersion`, the one it grants), limits the grant to the accounts of this organization (`o-…`). */
  readonly organizationId: Attr<string>;
}

/**
 * A Lambda layer version with who besides its owner may use it (download its code and add it to
 * their functions): its permissions, joined from their separate resources. A permission whose layer
 * is not in the sources is anchored on itself.
 */
export interface LambdaLayer extends Model {
  /** The layer's name as written, else the address of what findings name. */
  readonly name: string;
  readonly permissions: readonly LayerPermission[];
}
