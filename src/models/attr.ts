import type { ResourceNode } from '../graph/resource.js';

/**
 * Where a model value comes from: the resource it is written in (which may be a separate resource
 * from the one the model describes, such as a bucket's `aws_s3_bucket_public_access_block`) and the
 * property path inside it. A defaulted value points at where it would be written.
 */
export interface Evidence {
  readonly node: ResourceNode;
  readonly path: string;
  /** Why the value written there cannot be read, when it is known but not one the setting takes. */
  readonly unreadable?: Unreadable;
}

/**
 * Why a value written in the source is not read, though it is known: what an undecided result
 * tells the user to change.
 *
 * - `no-effect`: a policy statement whose `Effect` is missing or neither `Allow` nor `Deny`, which
 *   AWS refuses. `statement` names it (its `Sid`, or `#n` counting from 1); `effect` is what is
 *   written, when it is text.
 * - `not-accepted`: a value outside the set an enumerated setting takes. `value` is what is written
 *   (never a secret: those are dropped at load time); `accepted` lists what the setting takes.
 * - `missing-ports`: a network ACL entry for `protocol` (tcp, udp) that writes no port at the
 *   evidence's path, which AWS requires for that protocol and refuses the entry without.
 */
export type Unreadable =
  | { readonly kind: 'no-effect'; readonly statement: string; readonly effect?: string }
  | { readonly kind: 'not-accepted'; readonly value: string; readonly accepted: readonly string[] }
  | { readonly kind: 'missing-ports'; readonly protocol: string };

/**
 * - `explicit`: written in the source.
 * - `default`: not written; `value` is what the provider does then (`undefined` if nothing).
 * - `unknown`: written, but not known before deployment (or hidden as a secret).
 */
export type Origin = 'explicit' | 'default' | 'unknown';

/** One model field: its value, whether the author set it, and where. */
export interface Attr<T> {
  readonly value: T | undefined;
  readonly origin: Origin;
  readonly at: Evidence;
  /**
   * For an `unknown` value that is only a choice made at deployment (a CloudFormation `Fn::If` on a
   * condition decided then, `Fn::FindInMap` keyed by the Region, a Terraform conditional expression
   * on a value known only at apply): the field as each choice sets it.
   * Decided when every choice gives the same answer (`everyChoice`).
   */
  readonly choices?: readonly Attr<T>[];
}

/** Whether a text field is written: explicitly, or as a value known only at deployment (a reference still names something); not empty. */
export const isWritten = (attr: Attr<string>): boolean => attr.origin !== 'default' && attr.value !== '';

/**
 * The field as it may be deployed: itself when known, else each value its choices may give, nested
 * choices followed; `undefined` when some choice, or the field itself, is not known before deployment.
 */
export function everyChoice<T>(attr: Attr<T>): readonly Attr<T>[] | undefined {
  if (attr.origin !== 'unknown') return [attr];
  if (attr.choices === undefined || attr.choices.length === 0) return undefined;
  const each = attr.choices.map(everyChoice);
  return each.every((c) => c !== undefined) ? each.flat() : undefined;
}

/** Every model describes one logical resource, anchored on the node findings name. */
export interface Model {
  readonly resource: ResourceNode;
  /**
   * The resource the model describes is not in the sources, only settings of it are (a bucket's
   * separate policy naming a bucket defined elsewhere): `resource` is one of those, and each
   * finding names the resource where its deciding setting is written.
   */
  readonly orphan?: boolean;
}
