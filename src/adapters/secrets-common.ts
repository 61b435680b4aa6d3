import { isWithin, literalOriginOf } from '../graph/graph.js';
import type { ResourceNode } from '../graph/resource.js';
import { asList, getPath, isSecret, isUnknown, type PropertyValue } from '../graph/values.js';
import type { SecretSetting, SecretSettingKind, SecretWriting } from '../models/aws/secrets.js';

/** Words that make a name a secret's (`DB_PASSWORD`, `clientSecret`, `AUTH_TOKEN`). */
const SECRET_WORDS = new Set(['password', 'passwd', 'pwd', 'pass', 'passphrase', 'secret', 'secrets', 'token', 'apikey', 'privatekey', 'credential', 'credentials']);

/** `API_KEY`, `PRIVATE_KEY`, `SIGNING_KEY`…: a key that is a secret (a bare `KEY` may be an object key or an ID). */
const KEY_QUALIFIERS = new Set(['api', 'private', 'signing', 'encryption', 'master', 'hmac']);

/**
 * Last words that make the name point at a secret or describe it rather than hold it:
 * `DB_PASSWORD_SECRET_ARN`, `TOKEN_TTL`, `SECRET_NAME`, `PASSWORD_MIN_LENGTH`, a KMS key's
 * `customer_master_key_spec` and `key_usage`.
 */
const NOT_THE_SECRET = new Set([
  'arn', 'name', 'id', 'ids', 'path', 'param', 'parameter', 'ssm', 'file', 'url', 'uri', 'endpoint', 'length', 'len', 'ttl', 'expiry', 'expiration',
  'expires', 'timeout', 'seconds', 'minutes', 'hours', 'days', 'enabled', 'disabled', 'enable', 'type', 'version', 'region', 'bucket', 'prefix',
  'location', 'ref', 'policy', 'rotation', 'field', 'header', 'hash', 'format', 'mode', 'count', 'size', 'min', 'max', 'provider', 'source',
  'store', 'method', 'algorithm', 'host', 'port', 'user', 'username', 'table', 'queue', 'topic', 'key_id', 'kms', 'alias', 'aliases', 'arns',
  'names', 'identifier', 'spec', 'specs', 'usage',
]);

/**
 * Words that, after `kms`, leave the name naming a KMS key rather than holding a secret:
 * `SECRETS_KMS_KEY`, `secret_kms_key_id`. A KMS key is an identifier; its material never leaves KMS.
 */
const KMS_KEY_WORDS = new Set(['key', 'keys', 'cmk', 'id', 'ids', 'arn', 'alias']);

/** `DB_PASSWORD` → `db password`; `clientSecret` → `client secret`; `API-KEY` → `api key`. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    // Before the last capital of a run followed by a small letter (`APIKey` → `API Key`); looked for
    // from each capital with a lookahead: `([A-Z]+)([A-Z][a-z])` took time quadratic in a long run.
    .replace(/([A-Z])(?=[A-Z][a-z])/g, '$1 ')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/** Names Security Hub ECS.8 treats as credentials, whatever their words say. */
const CREDENTIAL_NAMES = new Set(['aws_access_key_id', 'aws_secret_access_key', 'ecs_engine_auth_data']);

/** Whether a variable or parameter name says it holds a secret (imported KMS `key_material` among them). */
export function looksLikeSecretName(name: string): boolean {
  if (CREDENTIAL_NAMES.has(name.toLowerCase())) return true;
  const w = words(name);
  if (w.length === 0 || NOT_THE_SECRET.has(w[w.length - 1]!)) return false;
  const kms = w.lastIndexOf('kms');
  if (kms !== -1 && w.slice(kms + 1).every((word) => KMS_KEY_WORDS.has(word))) return false;
  return w.some((word, i) => SECRET_WORDS.has(word) || (word === 'key' && i > 0 && KEY_QUALIFIERS.has(w[i - 1]!)) || (word === 'material' && i > 0 && w[i - 1] === 'key'));
}

/**
 * Whether a variable or parameter holds a secret by what its declaration says: its name, or its
 * being masked (`sensitive = true`, `NoEcho`) — unless the name says it is not the secret. Modules
 * mask a database's master user name along with its password (`username`, `MasterUsername`): the
 * name is no credential, and writing it in the code leaks nothing.
 */
export function declaredSecret(name: string, masked: boolean): boolean {
  if (looksLikeSecretName(name)) return true;
  const w = words(name);
  return masked && (w.length === 0 || !NOT_THE_SECRET.has(w[w.length - 1]!));
}

/** `scheme://user:password@`, the user possibly empty (`redis://:password@host`): the password is group 1. */
const URL_CREDENTIALS = /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:([^/\s@]+)@/i;

/** A URL with a password in it: `postgres://app:s3cret@db:5432/app`, `redis://:s3cret@cache:6379`. */
export function hasUrlCredentials(value: string): boolean {
  return URL_CREDENTIALS.test(value.trim());
}

/**
 * A string known only in part (an `Unknown` with a shape) whose known text has a literal password
 * in a URL: `postgres://app:pw@${aws_db_instance.db.address}:5432/app`. Not when the password is
 * itself interpolated (`postgres://app:${var.pw}@…`).
 */
export function shapeHasUrlCredentials(value: PropertyValue | undefined): boolean {
  if (!isUnknown(value) || value.shape === undefined) return false;
  const m = URL_CREDENTIALS.exec(value.shape.trim());
  return m !== null && !m[1]!.includes('${');
}

/**
 * A string that names a secret kept elsewhere, or a key, rather than holding one: a CloudFormation
 * dynamic reference (`{{resolve:secretsmanager:…}}`, `{{resolve:ssm-secure:…}}`), an ARN, or a KMS
 * key alias (`alias/app-data`).
 */
export function isSecretPointer(value: string): boolean {
  const v = value.trim();
  return v.startsWith('{{resolve:') || v.startsWith('arn:') || KMS_ALIAS.test(v);
}

/** `alias/app-data`, `alias/aws/secretsmanager`: how KMS names a key. */
const KMS_ALIAS = /^alias\/[A-Za-z0-9/_-]+$/;
/** A KMS key ID: a UUID, or a multi-Region key's `mrk-` and 32 hex digits. */
const KMS_KEY_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/i;
/** Words that make a name about a KMS key, so that a key ID there is that key's ID. */
const KMS_CONTEXT = new Set(['kms', 'cmk', 'encryption', 'master']);

/**
 * Whether a value set under `name` identifies something rather than being a secret: a pointer
 * (`isSecretPointer`), or a KMS key ID under a name about encryption keys (`ENCRYPTION_KEY` set to
 * a UUID is a key's ID: key material never leaves KMS, and a raw key is not shaped like one).
 */
export function isIdentifierValue(name: string, value: string): boolean {
  return isSecretPointer(value) || (KMS_KEY_ID.test(value.trim()) && words(name).some((w) => KMS_CONTEXT.has(w)));
}

/**
 * How a secret value is given. `literal` says whether the source wrote a value as a literal, when
 * the source can tell (Terraform plans: the node's `literals`; CloudFormation: every known string is
 * written in the template, through a parameter default at most). `undefined` when nothing is set.
 * A value chosen at deployment (`var.prod ? "…" : var.pw`, `Fn::If`) is written as its strongest
 * choice: a literal in either branch is in the source whichever is taken.
 */
export function secretWriting(value: PropertyValue | undefined, literal: (value: PropertyValue) => boolean | undefined): SecretWriting | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (isUnknown(value) && value.alternatives) return strongest(value.alternatives.map((choice) => secretWriting(choice, literal)));
  // Unknown before deployment: computed from a reference (a variable, a resource, a dynamic reference).
  if (isUnknown(value)) return 'reference';
  if (typeof value === 'string' && isSecretPointer(value)) return 'reference';
  if (!isSecret(value) && typeof value !== 'string' && typeof value !== 'number') return undefined;
  const written = literal(value);
  return written === undefined ? 'unknown' : written ? 'literal' : 'reference';
}

/**
 * Whether the Terraform argument at `path` is written as a literal: it or the argument holding it
 * is in the node's `literals`. `undefined` when the source does not say (a state file).
 */
export function writtenAsLiteral(node: ResourceNode, path: string): boolean | undefined {
  if (!node.literals) return undefined;
  for (const p of node.literals) if (isWithin(path, p)) return true;
  return false;
}

/**
 * Where a resource type sets passwords, per schema family: `[*]` stands for every element of a list
 * (a broker's users). Each is a secret whatever its name.
 */
export type PasswordPaths = Readonly<Record<string, readonly string[]>>;

/** `Users[*].Password` → one concrete path per element of `Users` that is written. */
function expandPaths(node: ResourceNode, path: string): string[] {
  const star = path.indexOf('[*]');
  if (star === -1) return [path];
  const list = path.slice(0, star);
  return asList(getPath(node.properties, list)).flatMap((_, i) => expandPaths(node, `${list}[${i}]${path.slice(star + 3)}`));
}

/** Whether an environment variable is a secret setting: by its name, or by a password in a URL it holds. */
export function isSecretVariable(name: string, value: PropertyValue | undefined): boolean {
  if (typeof value === 'string' && hasUrlCredentials(value)) return true;
  if (typeof value === 'boolean' || typeof value === 'number' || value === 'true' || value === 'false') return false;
  if (typeof value === 'string' && isIdentifierValue(name, value)) return false;
  return looksLikeSecretName(name);
}

/** Of several values of one setting (a list of passwords), the one that matters most: a literal, else an undecided one. */
function strongest(ws: readonly (SecretWriting | undefined)[]): SecretWriting | undefined {
  return (['literal', 'unknown', 'reference'] as const).find((w) => ws.includes(w));
}

/**
 * The password arguments of `node` its schema's paths name, each as the strongest way its values are
 * written (a list of passwords, `aws_elasticache_user.passwords`, is one argument). `writing` tells
 * how one value is written, as the schema family reads it.
 */
export function passwordSettings(
  node: ResourceNode,
  paths: PasswordPaths,
  writing: (path: string, value: PropertyValue | undefined) => SecretWriting | undefined,
): SecretSetting[] {
  return (paths[node.type] ?? []).flatMap((pattern) =>
    expandPaths(node, pattern).flatMap((path) => {
      const value = getPath(node.properties, path);
      const values = Array.isArray(value) ? value : [value];
      const written = strongest(values.map((v) => writing(path, v)));
      return written ? [secretSetting('password', path, written, node, path)] : [];
    }),
  );
}

export function secretSetting(kind: SecretSettingKind, name: string, written: SecretWriting, node: ResourceNode, path: string): SecretSetting {
  const from = written === 'literal' ? literalOriginOf(node, path) : undefined;
  return { kind, name, written, masked: false, at: { node, path }, ...(from && { from }) };
}
