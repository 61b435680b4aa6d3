import type { ReportViolation, ResourceValidationArgs, ResourceValidationPolicy, StackValidationArgs, StackValidationPolicy } from '@pulumi/policy';
import type { Policy } from '../engine/policy.js';
import { DEFAULT_ENFORCEMENT, pulumiSeverity } from './enforcement.js';
import { fromResourceArgs, fromStackResources } from './resources.js';
import { validationScope } from './scope.js';
import { violationMessage, violationsOf, type EvaluationOptions } from './violations.js';

export type CrossGuardPolicy = ResourceValidationPolicy | StackValidationPolicy;

/**
 * One sekisho policy as a CrossGuard policy: its id as the name, its title as the description,
 * its severity as the default enforcement level, and the same verdicts as `sekisho scan`.
 */
export function crossGuardPolicy(policy: Policy, options: EvaluationOptions): CrossGuardPolicy {
  const text = policy.text[options.lang];
  const base = {
    name: policy.id,
    description: text.title,
    displayName: text.title,
    enforcementLevel: DEFAULT_ENFORCEMENT[policy.severity],
    severity: pulumiSeverity(policy.severity),
    remediationSteps: text.remediation,
    // The policy reference ships with sekisho (`docs/policies.md`); only an absolute address is a URL.
    ...(/^https?:/.test(policy.docs) && { url: policy.docs }),
    tags: [...policy.tags, ...policy.frameworks.guideline.map((g) => `guideline:${g}`)],
  };
  if (validationScope(policy) === 'resource') {
    return {
      ...base,
      validateResource: (args: ResourceValidationArgs, report: ReportViolation) => {
        for (const f of violationsOf(policy, [fromResourceArgs(args)], options)) report(violationMessage(f, options.lang));
      },
    };
  }
  return {
    ...base,
    validateStack: (args: StackValidationArgs, report: ReportViolation) => {
      for (const f of violationsOf(policy, fromStackResources(args.resources), options)) report(violationMessage(f, options.lang), f.resource);
    },
  };
}

