import { toFindings } from '../engine/finding.js';
import { LANGS, type Policy, type Severity } from '../engine/policy.js';
import { scanText } from '../engine/scan.js';

/**
 * `sekisho/testing`: the one way to test a policy, for sekisho's own policies and for plugin
 * authors. It works with any test framework: it throws an error listing every mismatch.
 */

export interface PolicyCase {
  /** Shown in failure messages. */
  readonly name?: string;
  /** A CloudFormation template (YAML or JSON) or `terraform show -json` output. */
  readonly code: string;
  readonly parameters?: Readonly<Record<string, string>>;
}

export interface ExpectedFinding {
  readonly messageId: string;
  /** The address the finding names (`aws_s3_bucket.b`, `Bucket`). */
  readonly resource?: string;
  readonly line?: number;
  readonly severity?: Severity;
}

export interface InvalidCase extends PolicyCase {
  /** Every finding the policy must report for this case, in report order. */
  readonly errors: readonly ExpectedFinding[];
}

export interface PolicyCases {
  /** Inputs the policy must pass without a finding of any kind. */
  readonly valid: readonly PolicyCase[];
  readonly invalid: readonly InvalidCase[];
}

export class PolicyTestError extends Error {
  constructor(policyId: string, readonly problems: readonly string[]) {
    super(`${policyId}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PolicyTestError';
  }
}

/** Runs a policy over its cases; throws a `PolicyTestError` naming each case that went wrong. */
export function testPolicy(policy: Policy, cases: PolicyCases): void {
  const problems = [...policyMetadataProblems(policy)];
  const seen = new Set<string>();
  const all = [...cases.valid.map((c) => ({ ...c, errors: [] as readonly ExpectedFinding[], valid: true })), ...cases.invalid.map((c) => ({ ...c, valid: false }))];
  all.forEach((c, i) => {
    const label = c.name ?? `${c.valid ? 'valid' : 'invalid'} case ${i + 1}`;
    if (seen.has(c.code)) problems.push(`${label}: the same code appears in another case`);
    seen.add(c.code);
    if (!c.valid && c.errors.length === 0) problems.push(`${label}: an invalid case must list the findings it expects`);
    for (const e of c.errors) {
      if (!(e.messageId in policy.messages.en)) problems.push(`${label}: the policy has no message "${e.messageId}"`);
    }
    const outcome = scanText([{ file: 'case', text: c.code }], {
      policies: [policy],
      ...(c.parameters && { parameters: new Map(Object.entries(c.parameters)) }),
    });
    for (const d of outcome.diagnostics) problems.push(`${label}: ${d.level} ${d.line === undefined ? '' : `at line ${d.line} `}— ${d.message.en}`);
    const findings = toFindings(outcome.results, 'en');
    const actual = findings.map((f) => (f.status === 'unknown' ? `unknown ${f.resource}` : `${f.messageId} ${f.resource}:${f.line ?? '?'} ${f.severity}`));
    const matches =
      findings.length === c.errors.length &&
      c.errors.every((e, k) => {
        const f = findings[k]!;
        return f.status === 'fail' && f.messageId === e.messageId && (e.resource ?? f.resource) === f.resource && (e.line ?? f.line) === f.line && (e.severity ?? f.severity) === f.severity;
      });
    if (!matches) problems.push(`${label}: expected [${c.errors.map((e) => `${e.messageId}${e.resource ? ` ${e.resource}` : ''}`).join(', ')}], got [${actual.join(', ')}]`);
  });
  if (problems.length > 0) throw new PolicyTestError(policy.id, problems);
}

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
const placeholders = (s: string): string[] => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort();

/** What a policy's description lacks: texts in both languages, matching messages, snippets, mappings. */
export function policyMetadataProblems(policy: Policy): string[] {
  const problems: string[] = [];
  if (!/^([a-z0-9]+(-[a-z0-9]+)*\/)?[a-z0-9]+(-[a-z0-9]+)*$/.test(policy.id)) problems.push(`id "${policy.id}" is not kebab-case (namespace/ allowed)`);
  for (const lang of LANGS) {
    for (const [field, text] of Object.entries(policy.text[lang])) {
      if (typeof text !== 'string' || text.trim() === '') problems.push(`text.${lang}.${field} is empty`);
      else if (lang === 'ja' && !JAPANESE.test(text)) problems.push(`text.ja.${field} is not written in Japanese`);
    }
  }
  const ids = Object.keys(policy.messages.en);
  if (ids.length === 0) problems.push('the policy has no messages');
  if (JSON.stringify(Object.keys(policy.messages.ja).sort()) !== JSON.stringify([...ids].sort())) problems.push('messages.ja does not have exactly the ids of messages.en');
  for (const id of ids) {
    const ja = policy.messages.ja[id];
    if (ja === undefined) continue;
    if (!JAPANESE.test(ja)) problems.push(`messages.ja.${id} is not written in Japanese`);
    if (JSON.stringify(placeholders(policy.messages.en[id]!)) !== JSON.stringify(placeholders(ja))) problems.push(`messages.${id}: English and Japanese use different placeholders`);
  }
  for (const format of policy.formats) if ((policy.snippets[format] ?? '').trim() === '') problems.push(`snippets.${format} is missing or empty`);
  for (const format of Object.keys(policy.snippets)) if (!(policy.formats as readonly string[]).includes(format)) problems.push(`snippets.${format}: ${policy.model} is not written in that format`);
  if (policy.frameworks.guideline.length === 0) problems.push('frameworks.guideline names no category');
  return problems;
}
