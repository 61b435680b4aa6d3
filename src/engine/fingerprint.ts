import { dirname } from 'node:path';
import { digest } from '../digest.js';
import { isTerraformFile } from '../loaders/terraform-hcl/modules.js';
import type { Finding } from './finding.js';

/**
 * What identifies a finding across scans while the code around it changes: the policy, the input
 * it came from, the resource it names, and where the deciding setting is. Lines, messages and
 * wording are left out, so a finding keeps its fingerprint when lines move, when the language
 * changes or when a message is reworded. The input is a plan or template by its path; Terraform
 * source by its module's directory (an address is unique within a module, whichever file holds it).
 */
export function findingFingerprint(f: Finding): string {
  const input = f.plan?.file ?? (isTerraformFile(f.file) ? dirname(f.file) : f.file);
  const parts = [f.policyId, input, f.resource, f.evidence?.resource ?? '', f.evidence?.path ?? ''];
  return digest('sha256', parts.join('\u0000'), 'hex');
}
