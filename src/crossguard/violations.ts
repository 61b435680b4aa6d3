import type { Adapter } from '../adapters/adapter.js';
import { toFindings, type Finding } from '../engine/finding.js';
import type { Lang, Policy } from '../engine/policy.js';
import { scanNodes } from '../engine/scan.js';
import { uiText } from '../i18n/messages.js';
import { pulumiUnit, type PulumiResource } from '../loaders/pulumi/index.js';

export interface EvaluationOptions {
  readonly lang: Lang;
  /** The date suppressions' expiries are compared with; today by default. */
  readonly today?: string | undefined;
  readonly adapters?: readonly Adapter[] | undefined;
}

/**
 * What one policy finds in some of a stack's resources, exactly as `sekisho scan` would in the
 * stack's export: the same nodes, adapters, checks and suppressions. Only failures are
 * violations: what cannot be decided before deployment is not one.
 */
export function violationsOf(policy: Policy, resources: readonly PulumiResource[], options: EvaluationOptions): Finding[] {
  const unit = pulumiUnit(resources, { file: stackName(resources), format: 'pulumi-policy' });
  const outcome = scanNodes(unit.nodes, unit.edges, {
    policies: [policy],
    ...(options.today !== undefined && { today: options.today }),
    ...(options.adapters !== undefined && { adapters: options.adapters }),
  });
  return toFindings(outcome.results, options.lang).filter((f) => f.status === 'fail');
}

/** The text of a violation: what is wrong, and how to fix it. */
export function violationMessage(finding: Finding, lang: Lang): string {
  return `${finding.message}\n${uiText(lang).fixLabel}: ${finding.fix}`;
}

/** `urn:pulumi:prod::web::…` → `web/prod`: names the stack in node ids and suppressions. */
function stackName(resources: readonly PulumiResource[]): string {
  const [, , stack = '', project = ''] = /^urn:pulumi:([^:]*)::([^:]*)::/.exec(resources[0]?.urn ?? '') ?? [];
  return `${project}/${stack}`;
}
