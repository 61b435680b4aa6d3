import type { Unknown } from '../../graph/values.js';
import type { Evidence, Model } from '../attr.js';

/** A string in a policy document that may not be known before deployment (`!GetAtt Bucket.Arn`). */
export type PolicyString = string | Unknown;

/**
 * - `identity`: attached to a user, group or role (managed and inline policies).
 * - `resource`: attached to a resource (bucket, key, queue, topic policies).
 * - `trust`: a role's assume-role policy.
 */
export type PolicyPurpose = 'identity' | 'resource' | 'trust';

export interface PolicyPrincipal {
  /** `Principal: "*"`. */
  readonly any: boolean;
  /** `{"AWS": [...], "Service": ..., "Federated": ..., "CanonicalUser": ...}` flattened. */
  readonly entries: readonly { readonly type: string; readonly value: PolicyString }[];
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
  /** Where the document is written (may be a data source feeding `resource`). */
  readonly at: Evidence;
  /** `undefined` when the document as a whole is not known before deployment. */
  readonly statements: readonly PolicyStatement[] | undefined;
  /** The policy's name where it has one (`AdministratorAccess`, a role's inline policy name). */
  readonly name?: string;
}
