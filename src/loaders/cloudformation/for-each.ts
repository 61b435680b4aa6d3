import { diagnostic, type Diagnostic } from '../../diagnostic.js';
import type { LineTree } from '../../graph/resource.js';
import type { Json } from '../json-with-lines.js';
import type { JsonObject } from './json-object.js';
import { FOR_EACH, forEachLoop, loopItems, MAX_VALUES, substitute, substituteText, valueCount } from './for-each-loop.js';
import { resolveValue, type TemplateScope } from './intrinsics.js';
import { FN_TRANSFORM, unappliedFnTransform } from './transforms.js';

/**
 * The most resources loops may make in one template: ten times CloudFormation's quota of 500, so
 * that nested loops over long lists cannot make a scan run out of time or memory.
 */
const MAX_RESOURCES = 5_000;

/** A resource of the template as CloudFormation will create it, with where it is written. */
export interface TemplateResource {
  readonly logicalId: string;
  readonly resource: Json;
  readonly line: number | undefined;
  /** The lines of the resource's own keys (`Type`, `Properties`…). */
  readonly lines: LineTree;
}

/**
 * The `Resources` section with its `Fn::ForEach` loops (the `AWS::LanguageExtensions` transform)
 * expanded: `Fn::ForEach::Name: [Identifier, Collection, {OutputKey: Resource}]` makes one resource
 * per element of the collection, `${Identifier}` and `&{Identifier}` (alphanumerics only) replaced
 * in the key, and `${Identifier}` in strings and `Ref: Identifier` in the resource. Each made
 * resource keeps the lines of the loop's body. A loop over a collection not known before
 * deployment is reported, and its resources are left out, as are those past `MAX_RESOURCES`.
 * Loops within a resource's properties are expanded as its values are resolved (`resolveValue`).
 */
export function templateResources(resources: JsonObject, lines: LineTree, scope: TemplateScope, file: string, diagnostics: Diagnostic[]): TemplateResource[] {
  const out: TemplateResource[] = [];
  let values = 0;
  let full = false;
  /** Whether `count` more values may be made; once not, the loops stop and say so at `line`. */
  const affords = (count: number, line: number | undefined): boolean => {
    if (full) return false;
    values += count;
    if (out.length < MAX_RESOURCES && values <= MAX_VALUES) return true;
    full = true;
    const message = {
      en: `Fn::ForEach loops make more than ${MAX_RESOURCES} resources or ${MAX_VALUES} values (CloudFormation allows 500 resources in a template): the rest are not checked`,
      ja: `Fn::ForEach のループが ${MAX_RESOURCES} を超えるリソースか ${MAX_VALUES} を超える値を作ります（CloudFormation のテンプレートに書けるリソースは 500 までです）。それより後のリソースは検査していません`,
    };
    diagnostics.push(diagnostic('warning', 'for-each-limit', file, message, { line }));
    return false;
  };
  const visit = (entries: JsonObject, entryLines: LineTree, bindings: ReadonlyMap<string, string>): void => {
    for (const [key, value] of Object.entries(entries)) {
      if (full) return;
      const line = entryLines.lineOfKey(key);
      // `Fn::Transform` among the resources (AWS::Include, a macro) inserts resources at deployment: said, not read as a resource.
      if (key === FN_TRANSFORM) {
        diagnostics.push(unappliedFnTransform(value, { en: 'the Resources section', ja: 'Resources セクション' }, file, line));
        continue;
      }
      if (!key.startsWith(FOR_EACH)) {
        if (bindings.size > 0 && !affords(valueCount(value), line)) return;
        out.push({ logicalId: substituteText(key, bindings), resource: substitute(value, bindings), line, lines: entryLines.underKey(key) });
        continue;
      }
      const loop = forEachLoop(value);
      if (!loop) {
        diagnostics.push(diagnostic('error', 'invalid-resource', file, { en: `${key} must be [identifier, collection, {resources}]`, ja: `${key} は [identifier, collection, {resources}] の形で書いてください` }, { line }));
        continue;
      }
      const items = loopItems(resolveValue(substitute(loop.collection, bindings), '', scope));
      if (!items) {
        diagnostics.push(
          diagnostic(
            'warning',
            'for-each-unknown',
            file,
            { en: `${key} loops over a collection not known before deployment: the resources it makes are not checked`, ja: `${key} が繰り返すコレクションはデプロイするまで決まらないため、これが作るリソースは検査していません` },
            { line },
          ),
        );
        continue;
      }
      for (const item of items) {
        if (!affords(1, line)) return;
        visit(loop.body, entryLines.underKey(key).under('2'), new Map([...bindings, [loop.identifier, item]]));
      }
    }
  };
  visit(resources, lines, new Map());
  return out;
}
