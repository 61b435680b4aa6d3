/**
 * sekisho's public API: the engine for front ends (CLI, CrossGuard, CDK), and everything a plugin
 * needs to define policies against the service models.
 */
export { builtinPolicies } from '../policies/index.js';
export type { Diagnostic, DiagnosticLevel } from './diagnostic.js';
export { evaluate, type Result, type Status } from './engine/evaluate.js';
export { toFindings, type Finding, type FindingLocation } from './engine/finding.js';
export {
  definePolicy,
  formatsOf,
  LANGS,
  PROVIDER_FORMATS,
  SEVERITIES,
  type CheckContext,
  type FormatsOf,
  type FrameworkMappings,
  type GuidelineCategory,
  type Lang,
  type Policy,
  type PolicySpec,
  type PolicyText,
  type RemediationSnippets,
  type Severity,
  type SnippetFormat,
  type Verdict,
} from './engine/policy.js';
export { scan, scanText, type ScanOptions, type ScanOutcome, type TextSource } from './engine/scan.js';
export type { Edge, ResourceNode, SchemaFamily, SourceFormat, SourceLocation } from './graph/resource.js';
export { Secret, Unknown, type PropertyValue } from './graph/values.js';
export type { Attr, Evidence, Model, ModelKind, ModelKinds, Origin } from './models/index.js';
export type { CloudTrail } from './models/aws/cloudtrail.js';
export type { SecurityGroup, SecurityGroupRule } from './models/aws/ec2.js';
export type { PolicyDocument, PolicyStatement } from './models/aws/iam.js';
export type { RdsCluster, RdsInstance } from './models/aws/rds.js';
export type { S3Bucket } from './models/aws/s3.js';
export { pluginProblem, type SekishoPlugin } from './plugin.js';
export { jsonReporter } from './reporters/json.js';
export type { Reporter, ReportInput } from './reporters/reporter.js';
export { textReporter } from './reporters/text.js';
