import { isMap, Unknown, type PropertyValue } from '../graph/values.js';
import { bool } from './read.js';

/** One log publishing option: the log type it names, and the option itself. */
export type LogOption = readonly [type: PropertyValue | undefined, option: PropertyValue | undefined];

/**
 * The log types of `options` that are published: an option counts unless its `enabledKey` says
 * false (or, where the format treats a missing flag as off, unless it says true). `undefined` when
 * a type or a flag is not known before deployment, since any of them may be the one asked about.
 */
export function publishedLogTypes(options: Iterable<LogOption>, enabledKey: string, enabledByDefault: boolean): readonly string[] | undefined {
  const out: string[] = [];
  for (const [type, option] of options) {
    if (option instanceof Unknown || typeof type !== 'string') return undefined;
    const flag = isMap(option) ? option[enabledKey] : undefined;
    if (flag instanceof Unknown) return undefined;
    if ((flag === undefined || flag === null ? enabledByDefault : bool(flag)) === true) out.push(type);
  }
  return out;
}
