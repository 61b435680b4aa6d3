import type { PolicyPackArgs } from '@pulumi/policy';
import type { Adapter } from '../adapters/adapter.js';
import type { Lang } from '../engine/policy.js';
import { langFromEnvironment } from '../i18n/lang.js';
import { selectPolicies, type PolicySelection } from '../policy-selection.js';
import { crossGuardPolicy, type CrossGuardPolicy } from './policies.js';

/**
 * `sekisho/crossguard`: sekisho's policies as a Pulumi CrossGuard policy pack, for
 * `pulumi preview --policy-pack` and `pulumi up --policy-pack`. Nothing here loads
 * `@pulumi/policy`: the pack's own entry point constructs the `PolicyPack` (which starts the
 * analyzer server), so this module stays importable in tests and tools.
 *
 *     import { PolicyPack } from '@pulumi/policy';
 *     import { sekishoPolicyPack } from 'sekisho/crossguard';
 *     new PolicyPack('sekisho', sekishoPolicyPack());
 */
export interface CrossGuardOptions extends PolicySelection {
  /** The language of violation messages; from the locale (`LANG`) by default. */
  readonly lang?: Lang;
  /** The date suppressions' expiries are compared with (`YYYY-MM-DD`); today by default. */
  readonly today?: string;
  readonly adapters?: readonly Adapter[];
}

/** Every policy as a CrossGuard policy: per resource where one resource decides, else per stack. */
export function sekishoPolicies(options: CrossGuardOptions = {}): CrossGuardPolicy[] {
  const lang = options.lang ?? langFromEnvironment(process.env);
  return selectPolicies(options).map((p) => crossGuardPolicy(p, { lang, today: options.today, adapters: options.adapters }));
}

/** The arguments of `new PolicyPack(name, args)`: the policies, and what the pack is. */
export function sekishoPolicyPack(options: CrossGuardOptions = {}): PolicyPackArgs {
  return {
    policies: sekishoPolicies(options),
    // Each policy carries its own level (from its severity); this only covers a policy without one.
    enforcementLevel: 'advisory',
    description: 'sekisho: security policies for AWS infrastructure, and public access to Cloud Storage and Azure Storage, the same checks as `sekisho scan`',
    displayName: 'sekisho',
    provider: 'aws',
    tags: ['aws', 'gcp', 'azure', 'security'],
  };
}

export { DEFAULT_ENFORCEMENT } from './enforcement.js';
export { SINGLE_RESOURCE_KINDS, validationScope, type ValidationScope } from './scope.js';
export type { CrossGuardPolicy };
