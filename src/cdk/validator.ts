import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { IPolicyValidationContextBeta1, IPolicyValidationPluginBeta1, PolicyValidationPluginReportBeta1, PolicyViolatingResourceBeta1, PolicyViolationBeta1 } from 'aws-cdk-lib';
import type { Finding } from '../engine/finding.js';
import { scanNodes } from '../engine/scan.js';
import { toFindings } from '../engine/finding.js';
import { loadCloudAssembly } from '../loaders/cdk/index.js';
import { displayPath } from '../loaders/display-path.js';
import type { Edge, ResourceNode } from '../graph/resource.js';
import { selectPolicies } from '../policy-selection.js';
import { TOOL_VERSION } from '../version.js';
import { cdkLevel, langOf, reported, type SekishoCdkOptions } from './options.js';

/**
 * The policy validation plugin: `new App({ policyValidationBeta1: [new SekishoValidator()] })`.
 * CDK calls it after writing the cloud assembly, and lists its findings in CDK's own validation
 * report; any critical or high finding fails the synthesis.
 *
 * It reads the assembly CDK has just written exactly as `sekisho scan cdk.out` reads it (nested
 * stacks included), and reports on the stacks CDK asks about.
 */
export class SekishoValidator implements IPolicyValidationPluginBeta1 {
  readonly name = 'sekisho';
  readonly version = TOOL_VERSION;
  readonly ruleIds: string[];

  constructor(private readonly options: SekishoCdkOptions = {}) {
    this.ruleIds = selectPolicies(options).map((p) => p.id);
  }

  validate(context: IPolicyValidationContextBeta1): PolicyValidationPluginReportBeta1 {
    const cwd = process.cwd();
    const findings = reported(assemblyFindings(context.templatePaths, cwd, this.options), this.options);
    const violations = findings.map((f) => violation(f, cwd));
    return { success: violations.every((v) => v.severity !== 'error'), violations, pluginVersion: TOOL_VERSION };
  }
}

/** The findings of the assemblies holding these templates, on those templates and their nested stacks. */
function assemblyFindings(templatePaths: readonly string[], cwd: string, options: SekishoCdkOptions): Finding[] {
  const asked = new Set(templatePaths.map((p) => displayPath(cwd, resolve(p))));
  const nodes: ResourceNode[] = [];
  const edges: Edge[] = [];
  for (const dir of new Set(templatePaths.map((p) => dirname(resolve(p))))) {
    const manifest = join(dir, 'manifest.json');
    if (!existsSync(manifest)) continue;
    const unit = loadCloudAssembly(manifest, { cwd });
    nodes.push(...unit.nodes);
    edges.push(...unit.edges);
  }
  const units = new Set(nodes.filter((n) => asked.has(n.source.file)).map((n) => n.unit));
  const isAsked = (n: ResourceNode): boolean => [...units].some((u) => n.unit === u || n.unit.startsWith(`${u}/`));
  const outcome = scanNodes(nodes, edges, { policies: selectPolicies(options), ...(options.today !== undefined && { today: options.today }) });
  return toFindings(
    outcome.results.filter((r) => isAsked(r.resource)),
    langOf(options),
  );
}

function violation(f: Finding, cwd: string): PolicyViolationBeta1 {
  const own: PolicyViolatingResourceBeta1 = {
    resourceLogicalId: logicalId(f.resource),
    templatePath: resolve(cwd, f.file),
    locations: f.evidence && f.evidence.resource === f.resource ? [location(f.evidence.path)] : [],
  };
  const elsewhere: PolicyViolatingResourceBeta1[] =
    f.evidence && f.evidence.resource !== f.resource
      ? [{ resourceLogicalId: logicalId(f.evidence.resource), templatePath: resolve(cwd, f.evidence.file), locations: [location(f.evidence.path)] }]
      : [];
  return {
    ruleName: f.policyId,
    description: `${f.title}: ${f.message}`,
    fix: f.fix,
    severity: cdkLevel(f.severity),
    violatingResources: [own, ...elsewhere],
    ruleMetadata: { severity: f.severity, docs: f.docs },
  };
}

/** `Stack/Nested/LogicalId` → `LogicalId`. */
const logicalId = (address: string): string => address.slice(address.lastIndexOf('/') + 1);

/** `PublicAccessBlockConfiguration.BlockPublicPolicy` → `Properties/PublicAccessBlockConfiguration/BlockPublicPolicy`. */
const location = (path: string): string => (path === '' ? 'Properties' : `Properties/${path.replace(/\[(\d+)\]/g, '.$1').split('.').join('/')}`);
