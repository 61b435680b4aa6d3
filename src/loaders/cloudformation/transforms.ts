import { diagnostic, type Diagnostic } from '../../diagnostic.js';
import type { Json } from '../json-with-lines.js';
import { isObject } from './json-object.js';
import { listIn } from '../../i18n/phrase.js';

/** The key of `Fn::Transform` written as an entry of a section or of a resource's properties. */
export const FN_TRANSFORM = 'Fn::Transform';

/** The transforms applied here as CloudFormation applies them: AWS SAM, and `AWS::LanguageExtensions` (`Fn::ForEach` and its functions). */
const APPLIED: ReadonlySet<string> = new Set(['AWS::Serverless-2016-10-31', 'AWS::LanguageExtensions']);

/**
 * The names of the transforms (macros) a template's `Transform` section or an `Fn::Transform` asks
 * for: one name, a `{Name, Parameters}` mapping, or a list of either. A name not known before
 * deployment is left out.
 */
export function transformNames(transform: Json | undefined): string[] {
  const names: string[] = [];
  for (const entry of Array.isArray(transform) ? transform : [transform]) {
    const name = isObject(entry) ? entry['Name'] : entry;
    if (typeof name === 'string' && name !== '') names.push(name);
  }
  return names;
}

/**
 * One warning naming the transforms of the template's `Transform` section that are not applied
 * here (a macro of the account, `AWS::Include`, `AWS::SecretsManager-2020-07-23`…): CloudFormation
 * runs them on the template before it deploys it, so what they add or change is not checked.
 */
export function unappliedTransforms(transform: Json | undefined, file: string, line: number | undefined): Diagnostic | undefined {
  const names = transformNames(transform).filter((name) => !APPLIED.has(name));
  if (names.length === 0) return undefined;
  return diagnostic(
    'warning',
    'transform-not-applied',
    file,
    {
      en: `the template names the transform ${listIn(names, 'en')}, which CloudFormation runs on it before deploying it; sekisho does not run it, so what it adds or changes is not checked, only the template as written`,
      ja: `テンプレートの Transform に ${listIn(names, 'ja')} が指定されています。CloudFormation はデプロイ前にこれをテンプレートに適用しますが、sekisho は適用しないため、これが追加・変更する内容は検査していません（検査したのは書かれたとおりのテンプレートです）`,
    },
    { line },
  );
}

/** A warning for an `Fn::Transform` written as an entry of `where` (the Resources section, a resource's properties), whose content is not checked. */
export function unappliedFnTransform(value: Json | undefined, where: { en: string; ja: string }, file: string, line: number | undefined): Diagnostic {
  const names = transformNames(value);
  const listed = names.length > 0 ? listIn(names, 'en') : 'a transform not known before deployment';
  const listedJa = names.length > 0 ? listIn(names, 'ja') : 'デプロイするまで決まらない Transform';
  return diagnostic(
    'warning',
    'transform-not-applied',
    file,
    {
      en: `Fn::Transform (${listed}) inserts content into ${where.en} when CloudFormation deploys the template; sekisho does not run it, so that content is not checked`,
      ja: `Fn::Transform（${listedJa}）は、CloudFormation がデプロイするときに、${where.ja}へ内容を挿入します。sekisho はこれを実行しないため、挿入される内容は検査していません`,
    },
    { line },
  );
}
