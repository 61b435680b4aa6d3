import type { Attr } from '../models/attr.js';
import type { CheckContext, MessageData, Verdict } from './policy.js';

/** The messages of a check on a flag that gives a resource a public address. */
export interface PublicFlagMessages<M extends string> {
  /** Turned on in the code. */
  readonly public: M;
  /** On because the code leaves it out and the provider's or service's default is on. */
  readonly byDefault: M;
  /** Left out, and the default depends on what the code does not show. */
  readonly undecided?: M;
}

/**
 * The check of `publicly_accessible` / `PubliclyAccessible` and its like: unknown while the value
 * is, a failure when it is on, unknown (with `undecided`) where the code leaves it to what it does
 * not show, a pass when it is off.
 */
export function checkPublicFlag<M extends string>(flag: Attr<boolean>, ctx: CheckContext<M>, messages: PublicFlagMessages<M>, data: MessageData): Verdict<M> {
  if (flag.origin === 'unknown') return ctx.unknown(flag);
  if (flag.value === true) return ctx.fail(flag.origin === 'default' ? messages.byDefault : messages.public, flag, data);
  if (flag.value === undefined) return ctx.unknown(flag, messages.undecided, data);
  return ctx.pass();
}
