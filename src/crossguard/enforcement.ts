import type { EnforcementLevel, Severity as PulumiSeverity } from '@pulumi/policy';
import type { Severity } from '../engine/policy.js';

/**
 * How hard a finding stops a deployment, by severity: exposure (critical, high) blocks it, missing
 * hardening (medium, low, info) is reported and lets it through. The pack's config overrides this
 * per policy (`pulumi preview --policy-pack-config`), `disabled` included.
 */
export const DEFAULT_ENFORCEMENT: Readonly<Record<Severity, EnforcementLevel>> = {
  critical: 'mandatory',
  high: 'mandatory',
  medium: 'advisory',
  low: 'advisory',
  info: 'advisory',
};

/** Pulumi's severities have no `info`: it is the lowest, `low`. */
export function pulumiSeverity(severity: Severity): PulumiSeverity {
  return severity === 'info' ? 'low' : severity;
}
