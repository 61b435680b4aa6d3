import type { Unknown } from '../../graph/values.js';
import type { Attr, Evidence, Model } from '../attr.js';

/** A string in a policy document that may not be known before deployment (`!GetAtt Bucket.Arn`). */
export type PolicyString = string | Unknown;

/**
 * - `identity`: attached to a user, group or role (managed and inline policies).
 * - `resource`: attached to a resource (bucket, key, queue, topic policies).
 * - `trust`: a role's assume-role policy.
 */
export type PolicyPurpose = 'identity' | 'resource' | 'trust';

/** The kind of resource a resource policy governs, where the source says (a bucket policy, a queue policy…). */
export type PolicyResourceKind = 's3-bucket' | 'sqs-queue' | 'sns-topic' | 'kms-key' | 'ecr-repository' | 'secretsmanager-secret' | 'opensearch-domain' | 'eventbridge-bus';

export interface PolicyPrincipal {
  /** `Principal: "*"`. */
  readonly any: boolean;
  /** `{"AWS": [...], "Service": ..., "Federated": ..., "CanonicalUser": ...}` flattened. */
  readonly entries: readonly PrincipalEntry[];
}

export interface PrincipalEntry {
  readonly type: string;
  readonly value: PolicyString;
  /**
   * For a `Federated` value computed from resources of the sources (`aws_iam_openid_connect_provider.x.arn`,
   * `!Ref Provider`): the URL of each OIDC identity provider among them as written
   * (`https://token.actions.githubusercontent.com`), unknown-aware. Absent when none of them is one.
   */
  readonly oidcProviderUrls?: readonly PolicyString[];
}

export interface PolicyCondition {
  /** As written: `StringEquals`, `ForAnyValue:StringLike`, `IpAddress`, `Bool`… */
  readonly operator: string;
  /** As written: `aws:SourceVpce`. Condition keys are case-insensitive; compare lowercased. */
  readonly key: string;
  readonly values: readonly PolicyString[];
}

export interface PolicyStatement {
  /** Position in the document, for messages when there is no `Sid`. */
  readonly index: number;
  readonly sid?: string;
  /** `undefined` when not known before deployment. */
  readonly effect: 'Allow' | 'Deny' | undefined;
  /** `undefined` when the element is absent; each element is unknown-aware. */
  readonly actions?: readonly PolicyString[];
  readonly notActions?: readonly PolicyString[];
  readonly resources?: readonly PolicyString[];
  readonly notResources?: readonly PolicyString[];
  readonly principal?: PolicyPrincipal;
  readonly notPrincipal?: PolicyPrincipal;
  /** `undefined` when the `Condition` block itself is not known. */
  readonly conditions: readonly PolicyCondition[] | undefined;
  readonly at: Evidence;
}

/**
 * An IAM policy document wherever it appears: a managed or inline policy, a role's trust policy,
 * a bucket/key/queue/topic policy, whether written as JSON text, a YAML/JSON object or rendered
 * by `data.aws_iam_policy_document`.
 */
export interface PolicyDocument extends Model {
  readonly purpose: PolicyPurpose;
  /** What a resource policy governs; absent for identity and trust policies, and for a document nothing uses. */
  readonly governs?: PolicyResourceKind;
  /**
   * A resource policy written in a resource of its own (a queue policy, a topic policy, an event
   * bus policy…), for a resource not in the sources: that resource as the policy names it (a name,
   * URL or ARN, unknown-aware, or the name the service takes when none is written, such as
   * EventBridge's `default` bus), for messages. Where the governed resource is in the sources,
   * `resource` is it instead, as a bucket is for its own policy; a policy naming several resources
   * is one document for each.
   */
  readonly governedName?: PolicyString;
  /** Where the document is written (may be a data source feeding `resource`). */
  readonly at: Evidence;
  /** `undefined` when the document as a whole is not known before deployment. */
  readonly statements: readonly PolicyStatement[] | undefined;
  /** The policy's name where it has one (`AdministratorAccess`, a role's inline policy name). */
  readonly name?: string;
}

/** The identities IAM policies are given to. */
export type IdentityKind = 'user' | 'group' | 'role';

/** A policy given to an identity, as the sources give it. */
export interface AttachedPolicy {
  /**
   * - `inline`: a document written for this identity only (`aws_iam_role_policy`, `Policies`,
   *   `AWS::IAM::Policy`).
   * - `managed`: a standalone policy attached by ARN, AWS managed or customer managed (including a
   *   CloudFormation `AWS::IAM::ManagedPolicy` that names its users, groups and roles).
   */
  readonly type: 'inline' | 'managed';
  /**
   * For messages: the policy's name, else the last part of its ARN, else the resource's address,
   * else the ARN as written, known only at deployment (`var.policy_arn`).
   */
  readonly name: string | Unknown;
  /**
   * A managed policy's ARN as written, unknown-aware (`arn:${AWS::Partition}:iam::aws:policy/…`);
   * absent for inline policies and for managed policies that attach themselves.
   */
  readonly arn?: PolicyString;
  /**
   * A managed policy the sources look up by name alone (`data "aws_iam_policy" { name = … }`),
   * whose ARN is known only then: the one policy of that name — the AWS managed one where AWS
   * manages a policy by that name, since a lookup that matches two fails.
   */
  readonly foundByName?: string;
  /** Whether the ARN refers to a customer managed policy the sources define (so it is not AWS managed). */
  readonly definedInSources: boolean;
  /** The document, where the sources hold it: inline policies, customer managed policies defined in the sources. */
  readonly document?: PolicyDocument;
  /** Where the policy is named: its ARN, or its document. */
  readonly at: Evidence;
}

/**
 * An IAM user, group or role with the policies the sources give it: inline, in separate inline
 * policy resources, and managed policies attached in the identity or by attachment resources.
 * An identity the sources attach policies to without declaring it is anchored on the first
 * resource that names it, so its policies are still checked.
 */
export interface IamIdentity extends Model {
  readonly kind: IdentityKind;
  /** Its name as written, else its address; what stands for it where it is known only at deployment (`users = [var.user]`). */
  readonly name: string | Unknown;
  /**
   * `false` when the identity stands for a list not known before deployment (`users = var.users`),
   * which may be empty: there may be no identity at all.
   */
  readonly certain: boolean;
  readonly policies: readonly AttachedPolicy[];
  /** For a user: the policies of the groups it is a member of, where the sources show both. */
  readonly groupPolicies: readonly AttachedPolicy[];
}

/** A long-term access key of an IAM user (`aws_iam_access_key`, `AWS::IAM::AccessKey`). */
export interface AccessKey extends Model {
  /** The user's name as written, else its resource's address; what stands for it where it is known only at deployment. */
  readonly user: string | Unknown;
  /** `Active` (the default) or `Inactive`. */
  readonly status: Attr<string>;
  /** Whether the sources also give the user a console password (a login profile). */
  readonly userHasConsolePassword: boolean;
  /**
   * Terraform: whether `pgp_key` encrypts the secret, which is otherwise written to the state in
   * plain text. Absent where the format keeps no such copy.
   */
  readonly secretEncrypted?: Attr<boolean>;
}

/** The account's password policy for IAM users (`aws_iam_account_password_policy`). */
export interface PasswordPolicy extends Model {
  readonly minimumLength: Attr<number>;
  readonly reusePrevention: Attr<number>;
  readonly requireUppercase: Attr<boolean>;
  readonly requireLowercase: Attr<boolean>;
  readonly requireNumbers: Attr<boolean>;
  readonly requireSymbols: Attr<boolean>;
}
