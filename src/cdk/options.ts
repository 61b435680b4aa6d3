import { SEVERITIES, type Lang, type Severity } from '../engine/policy.js';
import type { Finding } from '../engine/finding.js';
import { langFromEnvironment } from '../i18n/lang.js';
import type { PolicySelection } from '../policy-selection.js';

/** What the CDK checks run and report; the same choices as `sekisho scan`'s options. */
export interface SekishoCdkOptions extends PolicySelection {
  /** The language of the messages; from the locale (`LANG`) by default. */
  readonly lang?: Lang;
  /** Report findings at or above this severity (default `low`, as the CLI). */
  readonly severity?: Severity;
  /** The date suppressions' expiries are compared with (`YYYY-MM-DD`); today by default. */
  readonly today?: string;
}

export const langOf = (options: SekishoCdkOptions): Lang => options.lang ?? langFromEnvironment(process.env);

/** The failures a CDK user is shown: suppressed findings and undecidable ones are not. */
export function reported(findings: readonly Finding[], options: SekishoCdkOptions): Finding[] {
  const threshold = SEVERITIES.indexOf(options.severity ?? 'low');
  return findings.filter((f) => f.status === 'fail' && SEVERITIES.indexOf(f.severity) >= threshold);
}

/**
 * CDK's two levels, by severity as for the Pulumi pack: exposure (critical, high) is an error that
 * stops `cdk synth`/`cdk deploy`, missing hardening a warning.
 */
export function cdkLevel(severity: Severity): 'error' | 'warning' {
  return severity === 'critical' || severity === 'high' ? 'error' : 'warning';
}
