import { builtinPolicies } from '../policies/index.js';
import type { Policy } from './engine/policy.js';
import type { SekishoPlugin } from './plugin.js';

/** Which policies a front end (the CLI, policy pack, CDK checks) runs: the built-in ones unless told otherwise, plus plugins'. */
export interface PolicySelection {
  /** The policies to run; sekisho's built-in policies by default. */
  readonly policies?: readonly Policy[] | undefined;
  /** Plugins whose policies run too. */
  readonly plugins?: readonly SekishoPlugin[] | undefined;
  /** Policies not to run, by ID or by tag (`optional`: the stricter checks). */
  readonly skip?: readonly string[] | undefined;
}

/**
 * A `skip` entry that names no policy ID or tag. It is refused rather than ignored: a misspelt ID
 * would otherwise leave the policy running unnoticed.
 */
export class UnknownPolicyName extends Error {
  constructor(readonly policyName: string) {
    super(`skip ${JSON.stringify(policyName)} names no policy ID or tag`);
  }
}

export function selectPolicies(selection: PolicySelection): Policy[] {
  return withoutSkipped([...(selection.policies ?? builtinPolicies), ...(selection.plugins ?? []).flatMap((p) => p.policies ?? [])], selection.skip ?? []);
}

/** `policies` less those `skip` names, by ID or tag; throws `UnknownPolicyName` for a name that matches none. */
export function withoutSkipped(policies: readonly Policy[], skip: readonly string[]): Policy[] {
  const named = (p: Policy, name: string): boolean => p.id === name || p.tags.includes(name);
  const unknown = skip.find((name) => !policies.some((p) => named(p, name)));
  if (unknown !== undefined) throw new UnknownPolicyName(unknown);
  return policies.filter((p) => !skip.some((name) => named(p, name)));
}
