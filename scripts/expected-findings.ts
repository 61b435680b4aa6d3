/**
 * Prints what a policy reports over its fixtures, in the shape of its `expected.json`, with each
 * finding's message beside it — for reviewing a fixture, not for copying blindly into the file.
 *
 *   npm run build && node scripts/expected-findings.ts aws-s3-bucket-public-acl
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { builtinPolicies } from '../dist/policies/index.js';
import { toFindings } from '../dist/src/engine/finding.js';
import { scan } from '../dist/src/engine/scan.js';

const root = join(import.meta.dirname, '..');
const id = process.argv[2];
const policy = builtinPolicies.find((p) => p.id === id);
if (!policy) {
  console.error(`usage: node scripts/expected-findings.ts POLICY-ID (after npm run build)`);
  process.exit(2);
}
const dir = join(root, 'fixtures', 'policies', policy.id);
for (const family of ['terraform-plan', 'terraform-hcl', 'cloudformation', 'cdk', 'pulumi']) {
  if (!existsSync(join(dir, family))) continue;
  for (const name of readdirSync(join(dir, family)).sort()) {
    if (name.endsWith('.plan-spec.json') || name.endsWith('.pulumi-spec.json') || name.endsWith('.app.ts')) continue;
    const path = join(dir, family, name);
    const outcome = await scan({ paths: [path], cwd: root, policies: [policy] });
    for (const d of outcome.diagnostics) console.log(`  // ${d.level}: ${d.file}:${d.line ?? ''} ${d.message.en}`);
    const findings = toFindings(outcome.results, 'en');
    console.log(`  ${JSON.stringify(relative(dir, path))}: [${findings.length === 0 ? ']' : ''}`);
    for (const f of findings) {
      const entry = { resource: f.resource, ...(f.line !== undefined && { line: f.line }), ...(f.status === 'unknown' ? { status: 'unknown' } : {}), ...(f.messageId !== undefined && { messageId: f.messageId }), ...(f.status === 'fail' && { severity: f.severity }) };
      console.log(`    ${JSON.stringify(entry)}, // ${f.message}`);
    }
    if (findings.length > 0) console.log('  ]');
  }
}
