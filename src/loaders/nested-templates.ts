import { dirname, resolve } from 'node:path';
import { diagnostic } from '../diagnostic.js';
import type { ResourceNode } from '../graph/resource.js';
import { NESTED_STACK_TYPE, nestedStackUnit, passedParameters } from './cloudformation/template.js';
import { loadFile } from './file.js';
import type { LoadJob } from './jobs.js';
import type { LoadedUnit, LoadOptions } from './types.js';

/** Where a nested stack of a template found among the scanned files is declared. */
interface NestedIn {
  /** The job that loaded the template declaring the `AWS::CloudFormation::Stack`. */
  readonly parent: number;
  readonly logicalId: string;
}

/**
 * Templates that a scanned template nests by a path on disk (`TemplateURL: ./network.yaml`, as
 * `aws cloudformation package` and `rain` take it), loaded again as that nested stack: with the
 * parameters the parent passes instead of their defaults, and with their outputs linked to the
 * parent's `Fn::GetAtt [Stack, Outputs.Name]`. A template nested more than once keeps its own
 * defaults: each nesting may pass it other values. Others are returned as they were loaded.
 */
export function linkNestedTemplates(jobs: readonly LoadJob[], units: readonly (LoadedUnit | undefined)[], options: LoadOptions): (LoadedUnit | undefined)[] {
  const byPath = new Map<string, number>();
  jobs.forEach((job, i) => job.kind === 'file' && byPath.set(resolve(job.entry.path), i));
  return saySkipped(jobs, linkLocal(jobs, units, options, byPath), byPath);
}

/**
 * Each template with a nested stack whose template is not among the scanned files (a bucket's
 * `https://` or `s3://` URL, a path to a file not scanned, a URL known only at deployment) says
 * so in a warning: the resources that stack creates are not checked.
 */
function saySkipped(jobs: readonly LoadJob[], units: (LoadedUnit | undefined)[], byPath: ReadonlyMap<string, number>): (LoadedUnit | undefined)[] {
  return units.map((unit, i) => {
    const job = jobs[i];
    if (job?.kind !== 'file' || !unit) return unit;
    const skipped = unit.nodes.filter((n) => n.type === NESTED_STACK_TYPE && n.format === 'cloudformation' && localTemplate(n, job.entry.path, byPath) === undefined);
    if (skipped.length === 0) return unit;
    const warnings = skipped.map((n) =>
      diagnostic(
        'warning',
        'nested-template-not-scanned',
        n.source.file,
        {
          en: `the template of nested stack ${n.address} (TemplateURL) is not among the scanned files, so the resources it creates are not checked: scan it too, named by a path relative to this template`,
          ja: `ネストされたスタック ${n.address} のテンプレート（TemplateURL）がスキャン対象のファイルにないため、そのスタックが作るリソースは検査していません。このテンプレートからの相対パスで指定し、あわせてスキャンしてください`,
        },
        { line: n.propertyLines?.get('TemplateURL') ?? n.source.line },
      ),
    );
    return { ...unit, diagnostics: [...unit.diagnostics, ...warnings] };
  });
}

function linkLocal(jobs: readonly LoadJob[], units: readonly (LoadedUnit | undefined)[], options: LoadOptions, byPath: ReadonlyMap<string, number>): (LoadedUnit | undefined)[] {
  const nestings = new Map<number, NestedIn[]>();
  units.forEach((unit, parent) => {
    const job = jobs[parent];
    if (job?.kind !== 'file' || !unit) return;
    for (const node of unit.nodes) {
      const child = localTemplate(node, job.entry.path, byPath);
      if (child !== undefined && child !== parent) nestings.set(child, [...(nestings.get(child) ?? []), { parent, logicalId: node.address }]);
    }
  });
  if (nestings.size === 0) return [...units];
  const nestedIn = new Map([...nestings].filter(([, list]) => list.length === 1).map(([child, [only]]) => [child, only!]));
  const nestedStacks = new Map<number, Set<string>>();
  for (const { parent, logicalId } of nestedIn.values()) nestedStacks.set(parent, (nestedStacks.get(parent) ?? new Set()).add(logicalId));

  const out = [...units];
  const reloaded = new Set<number>();
  const reload = (i: number): void => {
    const job = jobs[i];
    if (job?.kind !== 'file' || (!nestedIn.has(i) && !nestedStacks.has(i))) return;
    const at = nestedIn.get(i);
    const stack = at && out[at.parent]?.nodes.find((n) => n.type === NESTED_STACK_TYPE && n.address === at.logicalId);
    try {
      out[i] = loadFile(job.entry, options, {
        parameters: stack ? passedParameters(stack.properties['Parameters']) : options.parameters,
        nestedStacks: nestedStacks.get(i),
        nestedAs: stack && at ? nestedStackUnit(stack.unit, at.logicalId) : undefined,
      });
    } catch {
      // It loaded once already: what was loaded then stands.
    }
  };
  // Each template after the one it is nested in, outermost first; iteratively, since a chain of
  // nestings is as long as the files make it. In a cycle, the template where the walk entered it
  // is reloaded last, and the one nested in it is given what it had loaded before.
  units.forEach((_, start) => {
    const chain: number[] = [];
    const onChain = new Set<number>();
    for (let i: number | undefined = start; i !== undefined && !reloaded.has(i) && !onChain.has(i); i = nestedIn.get(i)?.parent) {
      chain.push(i);
      onChain.add(i);
    }
    for (const i of chain.reverse()) {
      reloaded.add(i);
      reload(i);
    }
  });
  return out;
}

/** The job of the scanned file a nested stack's `TemplateURL` names by a path relative to its template's directory. */
function localTemplate(node: ResourceNode, templatePath: string, byPath: ReadonlyMap<string, number>): number | undefined {
  if (node.type !== NESTED_STACK_TYPE || node.format !== 'cloudformation') return undefined;
  const url = node.properties['TemplateURL'];
  // `https://…`, `s3://…`: a template in a bucket, not on disk.
  if (typeof url !== 'string' || url === '' || /^[a-z][a-z0-9+.-]*:/i.test(url)) return undefined;
  return byPath.get(resolve(dirname(templatePath), url));
}
