import type { Diagnostic } from '../diagnostic.js';
import type { Finding } from '../engine/finding.js';
import type { FrameworkMappings, Lang, Policy, Severity } from '../engine/policy.js';

export interface ReportSummary {
  /** Fails at or above the threshold. */
  readonly failed: number;
  /** Undecidable before deployment, at or above the threshold. */
  readonly unknown: number;
  readonly passed: number;
  readonly notApplicable: number;
  /** Covered by an accepted exception (a suppression with a reason), at or above the threshold. */
  readonly suppressed: number;
  /** Fails and unknowns left out because they are below the threshold. */
  readonly belowThreshold: number;
  readonly resources: number;
  readonly sources: readonly string[];
  /**
   * With a baseline: the fails and unknowns at or above the threshold that it holds, which
   * `failed` and `unknown` then leave out.
   */
  readonly baselined?: number;
}

/** What one policy found across the resources it applies to: the checks behind a report's framework sections. */
export interface PolicyTally {
  readonly passed: number;
  /** Findings at or above the threshold, as in the summary. */
  readonly failed: number;
  readonly unknown: number;
  readonly suppressed: number;
}

/** A check a resource passed, for the reports that list passes one by one. */
export interface PassedCheck {
  readonly policyId: string;
  readonly resource: string;
  /** The file to change, as a finding on the resource would name it. */
  readonly file: string;
}

/** Everything a reporter may show. Findings are already in the chosen language and filtered. */
export interface ReportInput {
  readonly tool: { readonly name: string; readonly version: string };
  readonly lang: Lang;
  readonly threshold: Severity;
  readonly findings: readonly Finding[];
  readonly diagnostics: readonly Diagnostic[];
  readonly summary: ReportSummary;
  /** The policies that ran. */
  readonly policies: readonly Policy[];
  /** By policy ID, the policies that applied to at least one resource. */
  readonly checks: ReadonlyMap<string, PolicyTally>;
  /** Every check passed, only for the formats that list them (JUnit XML): a large plan has hundreds of thousands. */
  readonly passes?: readonly PassedCheck[];
  /** When the scan ran (ISO 8601), for reports that record it. */
  readonly scannedAt?: string;
  /** Who ran it, as given (`--checked-by`). */
  readonly checkedBy?: string;
}

export interface ReportOptions {
  /** ANSI colours: only when writing to a terminal. */
  readonly colour: boolean;
  /** List undecidable results one by one rather than only counting them. */
  readonly showUnknown: boolean;
  /** List suppressed findings with their reasons rather than only counting them. */
  readonly showSuppressed: boolean;
  /** Undecidable checks fail the build (`--fail-on-unknown`), so reports that mark failures mark them too. */
  readonly failOnUnknown?: boolean;
  /** The framework whose controls a handover report is organised by. */
  readonly framework: keyof FrameworkMappings;
}

/** One output format: a pure function from the report to its text. */
export type Reporter = (input: ReportInput, options: ReportOptions) => string;
