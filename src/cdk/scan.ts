import { toFindings, type Finding } from '../engine/finding.js';
import { scanText, type TextSource } from '../engine/scan.js';
import { selectPolicies } from '../policy-selection.js';
import { langOf, reported, type SekishoCdkOptions } from './options.js';

/** Templates held in memory, scanned exactly as `sekisho scan` scans them on disk. */
export function scanTemplates(sources: readonly TextSource[], options: SekishoCdkOptions): Finding[] {
  const outcome = scanText(sources, { policies: selectPolicies(options), ...(options.today !== undefined && { today: options.today }) });
  return reported(toFindings(outcome.results, langOf(options)), options);
}

/** `[aws-s3-access-logging] Bucket … is not logged. Fix: …` */
export function annotationText(finding: Finding, fixLabel: string): string {
  return `[${finding.policyId}] ${finding.message} ${fixLabel}: ${finding.fix}`;
}
