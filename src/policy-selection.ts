import { builtinPolicies } from '../policies/index.js';
import type { Policy } from './engine/policy.js';
import type { SekishoPlugin } from './plugin.js';

/** Which policies a front end (policy pack, CDK checks) runs: the built-in ones unless told otherwise, plus plugins'. */
export interface PolicySelection {
  /** The policies to run; sekisho's built-in policies by default. */
  readonly policies?: readonly Policy[] | undefined;
  /** Plugins whose policies run too. */
  readonly plugins?: readonly SekishoPlugin[] | undefined;
}

export function selectPolicies(selection: PolicySelection): Policy[] {
  return [...(selection.policies ?? builtinPolicies), ...(selection.plugins ?? []).flatMap((p) => p.policies ?? [])];
}
