import type { LiteralOrigin } from '../../graph/resource.js';
import type { Evidence, Model } from '../attr.js';

/**
 * - `password`: a database master password, an auth token, a broker user's password.
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
