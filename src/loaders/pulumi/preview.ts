import { diagnostic, type Diagnostic } from '../../diagnostic.js';
import type { PlannedAction } from '../../graph/resource.js';
import type { LoadedUnit } from '../types.js';
import { urnLines } from './lines.js';
import type { PulumiResource } from './resources.js';
import { pulumiUnit } from './resources.js';
import { isObject, readResource } from './state.js';

/**
 * What each step of a preview does to its resource. A deletion is kept with the resource's old
 * state (what deleting it undoes, see `ResourceGraph.deleted`); the three steps of a replacement
 * (`create-replacement`, `replace`, `delete-replaced`) are one replacement.
 */
const ACTIONS: Readonly<Record<string, PlannedAction | null>> = {
  same: 'no-op',
  create: 'create',
  update: 'update',
  replace: 'replace',
  'create-replacement': 'replace',
  import: 'update',
  'import-replacement': 'replace',
  read: 'read',
  'read-replacement': 'read',
  refresh: 'no-op',
  delete: 'delete',
  'delete-replaced': null,
  discard: null,
  'discard-replaced': null,
  'remove-pending-replace': null,
};

/**
 * Loads `pulumi preview --json` output: `{ steps: [{ op, urn, newState, oldState }], … }`, the
 * resources as they will be after the update. Values computed during deployment are unknown;
 * secrets are blinded to `[secret]` by the CLI itself.
 */
export function loadPreview(doc: Record<string, unknown>, text: string, file: string): LoadedUnit {
  const steps = Array.isArray(doc['steps']) ? doc['steps'] : [];
  const byUrn = new Map<string, PulumiResource>();
  for (const step of steps) {
    if (!isObject(step) || typeof step['op'] !== 'string') continue;
    const action = ACTIONS[step['op']];
    if (action === null) continue;
    const resource = readResource(step[action === 'delete' ? 'oldState' : 'newState'], { blindedSecrets: true });
    if (!resource) continue;
    const seen = byUrn.get(resource.urn);
    // A replacement's later steps only confirm it; the first step with the new state wins.
    if (!seen) byUrn.set(resource.urn, { ...resource, ...(action !== undefined && { action }) });
  }
  const diagnostics: Diagnostic[] = [];
  const errors = Array.isArray(doc['diagnostics']) ? doc['diagnostics'].filter((d) => isObject(d) && d['severity'] === 'error') : [];
  if (errors.length > 0) {
    diagnostics.push(
      diagnostic('warning', 'preview-errored', file, {
        en: 'the preview reported errors: resources after the error may be missing from it',
        ja: 'このプレビューはエラーを報告しています: エラー以降のリソースが含まれていない可能性があります',
      }),
    );
  }
  // Without --show-sames the CLI leaves unchanged resources out of `steps`: a setting kept in one
  // (a bucket's unchanged policy) is missing, and what depends on it would be judged without it.
  // The stack's own step is written either way, so the summary's count is compared with the steps.
  const summary = isObject(doc['changeSummary']) ? doc['changeSummary'] : {};
  const sames = steps.filter((s) => isObject(s) && s['op'] === 'same').length;
  const unchanged = (typeof summary['same'] === 'number' ? summary['same'] : 0) - sames;
  if (unchanged > 0) {
    diagnostics.push(
      diagnostic('warning', 'preview-without-sames', file, {
        en: `the preview leaves out ${unchanged} unchanged resources: run \`pulumi preview --json --show-sames\` so that settings kept in them are checked too`,
        ja: `このプレビューには変更のないリソース ${unchanged} 件が含まれていません: それらに残る設定も検査するには \`pulumi preview --json --show-sames\` を実行してください`,
      }),
    );
  }
  const unit = pulumiUnit([...byUrn.values()], { file, format: 'pulumi-preview', lines: urnLines(text) });
  return { ...unit, diagnostics: [...diagnostics, ...unit.diagnostics] };
}
