import type { LiteralOrigin } from '../../graph/resource.js';
import type { Attr, Evidence, Model } from '../attr.js';

/**
 * - `password`: a database master password, an auth token, a broker user's password, the OAuth 2.0
 *   client secret of a load balancer's `authenticate-oidc` action.
 * - `environment`: an environment variable (Lambda, ECS container) whose name looks like a secret
 *   (`DB_PASSWORD`, `API_KEY`) or whose value is a URL with a password in it.
 * - `parameter`: the `Default` of a CloudFormation parameter that looks like a secret or is `NoEcho`.
 * - `variable`: a Terraform variable that looks like a secret or is `sensitive`, with its value
 *   written in the code: a `default`, a module call's argument, or a value in a tfvars file.
 */
export type SecretSettingKind = 'password' | 'environment' | 'parameter' | 'variable';

/**
 * How a secret is given:
 * - `literal`: typed into the code (a string in the template, a constant in Terraform);
 * - `reference`: taken from elsewhere — a variable, a `NoEcho` parameter, a resource, a dynamic
 *   reference (`{{resolve:secretsmanager:…}}`), an ARN of a secret;
 * - `unknown`: set, but the source does not show how (a Terraform state; a map mixing literals and
 *   references, which Terraform's plan does not split).
 */
export type SecretWriting = 'literal' | 'reference' | 'unknown';

/** One place where a secret is set. It never holds the value. */
export interface SecretSetting {
  readonly kind: SecretSettingKind;
  /** The argument, variable or parameter name (`master_password`, `DB_PASSWORD`, `DbPassword`). */
  readonly name: string;
  readonly written: SecretWriting;
  /** A `NoEcho` parameter or `sensitive` variable: hidden from output, but its value is still in the code. */
  readonly masked: boolean;
  readonly at: Evidence;
  /**
   * A literal written elsewhere than at `at`, which takes it from there: the local, variable
   * default, variables file line, module argument or file (`.tf` source).
   */
  readonly from?: LiteralOrigin;
}

/**
 * The places in one resource (or template parameter) where a secret is set: database passwords,
 * secret-like environment variables of Lambda functions and ECS containers, parameter defaults.
 */
export interface SecretSettings extends Model {
  readonly settings: readonly SecretSetting[];
}

/**
 * An AWS Secrets Manager secret (`aws_secretsmanager_secret`, `AWS::SecretsManager::Secret`) with
 * the rotation configured for it: a separate `aws_secretsmanager_secret_rotation` or
 * `AWS::SecretsManager::RotationSchedule` naming it, or — AWS provider before v5.0.0 — the
 * secret's own `rotation_lambda_arn` and `rotation_rules`. For a rotation resource whose secret is
 * not in the sources, the model is an orphan anchored on the rotation resource.
 */
export interface SecretsManagerSecret extends Model {
  /**
   * The secret's name. A secret that another AWS service creates and manages is named with that
   * service's ID and `!` (`rds!db-…`), a character the names of secrets created through Secrets
   * Manager cannot hold: such a secret is in the code only when imported.
   */
  readonly name: Attr<string>;
  /** Each rotation configured for the secret; empty when there is none. */
  readonly rotations: readonly SecretRotation[];
}

/** One rotation configuration of a secret. */
export interface SecretRotation {
  /**
   * The longest time between two rotations, in days: `automatically_after_days`
   * (`AutomaticallyAfterDays`), or what `schedule_expression` (`ScheduleExpression`) allows — the
   * interval of a `rate()`, and for a `cron()` 31 days for each month of the longest gap between the
   * months it runs in. `undefined` (default) when no rotation rules are written.
   */
  readonly intervalDays: Attr<number>;
  /** The schedule as written, for messages: `automatically_after_days = 30`, `rate(10 days)`, `cron(0 4 1 1,7 ? *)`. */
  readonly schedule: string | undefined;
}
