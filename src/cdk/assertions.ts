import type { Finding } from '../engine/finding.js';
import { type SekishoCdkOptions } from './options.js';
import { scanTemplates } from './scan.js';

/** What the helpers accept: an `aws-cdk-lib/assertions` `Template`, or a template object. */
export type TemplateLike = { toJSON(): { [key: string]: unknown } } | { readonly [key: string]: unknown };

/**
 * The failures sekisho finds in one stack's template, for CDK unit tests with vitest or Jest:
 *
 *     expect(findViolations(Template.fromStack(stack))).toContainEqual(
 *       expect.objectContaining({ policyId: 'aws-s3-access-logging', resource: stack.getLogicalId(bucket.node.defaultChild as CfnElement) }));
 *
 * Each finding names the resource by logical ID and carries the policy id, severity, message and
 * fix, as in `sekisho scan --format json`. Suppressed findings are not violations.
 */
export function findViolations(template: TemplateLike, options: SekishoCdkOptions = {}): Finding[] {
  const json = typeof template['toJSON'] === 'function' ? (template as { toJSON(): unknown }).toJSON() : template;
  return scanTemplates([{ file: 'template.json', text: JSON.stringify(json) }], options);
}

/** Throws an error listing every failure sekisho finds in the template. */
export function expectNoViolations(template: TemplateLike, options: SekishoCdkOptions = {}): void {
  const found = findViolations(template, options);
  if (found.length === 0) return;
  const lines = found.map((f) => `  - [${f.policyId}] ${f.resource} (${f.severity}): ${f.message}\n    ${f.fix}`);
  throw new Error(`sekisho found ${found.length} violation${found.length === 1 ? '' : 's'}:\n${lines.join('\n')}`);
}
