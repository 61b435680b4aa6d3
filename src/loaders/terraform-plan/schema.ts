/**
 * The parts of Terraform's JSON output format (`terraform show -json`, format_version 0.x/1.x)
 * that sekisho reads. Every field is optional here because the input is untrusted: the loader
 * checks shapes as it goes instead of casting.
 * Reference: https://developer.hashicorp.com/terraform/internals/json-format
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isArray = (v: unknown): v is JsonValue[] => Array.isArray(v);
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * `planned_values.root_module`, `prior_state.values.root_module`, or a state's `values.root_module`,
 * as read: resources are checked one by one with `asResourceValues`.
 */
export interface ModuleValues {
  readonly address?: string;
  readonly resources: readonly JsonValue[];
  readonly child_modules: readonly ModuleValues[];
}

export interface ResourceValues {
  readonly address: string;
  readonly mode: string;
  readonly type: string;
  readonly name: string;
  readonly index?: string | number;
  readonly values?: JsonValue;
  readonly sensitive_values?: JsonValue;
}

export interface ResourceChange {
  readonly address: string;
  readonly module_address?: string;
  readonly mode: string;
  readonly type: string;
  readonly name: string;
  readonly index?: string | number;
  readonly change: {
    readonly actions: readonly string[];
    readonly before?: JsonValue;
    readonly before_sensitive?: JsonValue;
    readonly after?: JsonValue;
    readonly after_unknown?: JsonValue;
    readonly after_sensitive?: JsonValue;
  };
}

/** A module in `configuration`: its resources' expressions and its module calls. */
export interface ConfigModule {
  readonly resources?: readonly ConfigResource[];
  readonly module_calls?: { readonly [name: string]: ModuleCall };
  readonly outputs?: { readonly [name: string]: { readonly expression?: JsonValue } };
}

export interface ConfigResource {
  /** Relative to its module: `aws_s3_bucket.b`, `data.aws_iam_policy_document.p`. */
  readonly address: string;
  readonly expressions?: JsonObject;
  readonly depends_on?: readonly string[];
  readonly for_each_expression?: JsonValue;
}

export interface ModuleCall {
  readonly source?: string;
  readonly expressions?: JsonObject;
  readonly count_expression?: JsonValue;
  readonly for_each_expression?: JsonValue;
  readonly module?: ConfigModule;
}

/** Reads a resource entry of `resource_changes`, or `undefined` when it is not one. */
export function asResourceChange(v: unknown): ResourceChange | undefined {
  if (!isObject(v) || !isObject(v['change'])) return undefined;
  const { address, mode, type, name } = v;
  if (typeof address !== 'string' || typeof type !== 'string' || typeof name !== 'string') return undefined;
  const actions = v['change']['actions'];
  if (!isArray(actions)) return undefined;
  return v as unknown as ResourceChange & { mode: typeof mode };
}

/** Reads a resource entry of a module's `resources`, or `undefined` when it is not one. */
export function asResourceValues(v: unknown): ResourceValues | undefined {
  if (!isObject(v)) return undefined;
  const { address, type, name } = v;
  if (typeof address !== 'string' || typeof type !== 'string' || typeof name !== 'string') return undefined;
  return v as unknown as ResourceValues;
}
