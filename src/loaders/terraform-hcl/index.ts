import type { LoadedUnit } from '../types.js';
import { ModuleInstance, type TreeContext } from './instances.js';
import { displayPath } from '../display-path.js';
import { loadModuleTree } from './modules.js';
import { rootVariableValues, variableNodes, type VariableInputs } from './variables.js';
import type { Edge, ResourceNode } from '../../graph/resource.js';
import { compareDiagnostics, diagnostic } from '../../diagnostic.js';
import { EVALUATION_STEPS, EvaluationBudget } from './budget.js';
import { providerMajorVersions } from './provider-versions.js';

export interface HclLoadOptions extends VariableInputs {
  readonly cwd: string;
  readonly maxFileSize: number;
}

/**
 * Loads a root Terraform module from its `.tf` and `.tf.json` source: every module it calls,
 * variables bound, `count`/`for_each`/`dynamic` expanded, values known without a provider
 * evaluated and the rest left unknown. Never throws on bad input: a file that does not parse is
 * one diagnostic, and the module's other files are still loaded.
 */
export function loadTerraformModule(dir: string, options: HclLoadOptions): LoadedUnit {
  const tree = loadModuleTree(dir, options);
  const given = rootVariableValues(dir, options, options.cwd);
  const unit = displayPath(options.cwd, dir);
  const diagnostics = [...tree.diagnostics, ...given.diagnostics, ...tree.root.diagnostics, ...[...new Set(tree.calls.values())].flatMap((c) => c.diagnostics)];
  const budget = new EvaluationBudget(EVALUATION_STEPS, () =>
    diagnostics.push(
      diagnostic(
        'warning',
        'evaluation-limit',
        unit,
        {
          en: 'some values of this configuration would be too large to evaluate (setproduct of many lists, values doubled through locals, for expressions nested over large ranges, count on nested modules): they are treated as unknown',
          ja: 'この構成には、評価すると大きくなりすぎる値があります（多数のリストの setproduct、local を重ねて倍々に増える値、大きな範囲に対する入れ子の for 式、count 付きモジュールによるインスタンスの掛け算など）。それらの値は不明として扱い、その値に依存するチェックは判定できません。',
        },
      ),
    ),
  );
  const codeBudget = new EvaluationBudget(EVALUATION_STEPS, () => {});
  const ctx: TreeContext = { tree, unit, rootValues: given.values, diagnostics, budget, codeBudget, files: new Map(), unreadFiles: new Set(), providerMajors: providerMajorVersions(tree), modulesNotInstalled: new Map() };
  const root = new ModuleInstance(ctx, tree.root, '', '', undefined, []);
  const nodes: ResourceNode[] = [];
  const edges: Edge[] = [];
  root.collect(nodes, edges);
  nodes.push(...variableNodes(new Map([['', tree.root], ...tree.calls]), given.values, ctx.unit));
  return { nodes, edges, diagnostics: dedupe(ctx.diagnostics).sort(compareDiagnostics) };
}

function dedupe<T>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((d) => {
    const key = JSON.stringify(d);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
