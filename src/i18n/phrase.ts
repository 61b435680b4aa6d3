import { getPath, Unknown, wholeExpression } from '../graph/values.js';
import { isNamedShape } from '../graph/placeholders.js';
import type { Lang } from '../engine/policy.js';
import type { Attr } from '../models/attr.js';

/**
 * Words a message says in each language where a placeholder goes: what stands for a value the
 * code does not tell ("a rule whose number is set at deployment"), or a value with the words
 * around it that a language puts differently ("rule 100", "ルール 100").
 */
export type Phrase = Readonly<Record<Lang, string>>;

/** What fills a `{{name}}` placeholder: a value, the same in every language, or a phrase. */
export type MessageValue = string | number | Phrase;

export const phrase = (en: string, ja: string): Phrase => ({ en, ja });

/** A placeholder's value as `lang` says it. */
export const textIn = (value: MessageValue, lang: Lang): string => (typeof value === 'object' ? value[lang] : String(value));

/**
 * What an unknown value shows of itself: the expression it is taken from as a whole (`var.snapshot`,
 * `SnapshotId` for `${SnapshotId}`), else its shape with `${…}` where the unknown parts go
 * (`arn:aws:iam::${var.account}:root`); `undefined` when nothing of it is known, or a part stands for
 * what a function gives (`${Fn::ImportValue}`) or an expression we do not spell out (`${?}`).
 */
export function shapeText(value: Unknown): string | undefined {
  if (value.shape === undefined || !isNamedShape(value.shape)) return undefined;
  return wholeExpression(value) ?? value.shape;
}

/**
 * A model field as a message shows it: its value, else what the code shows of it (`shapeText`),
 * else `unknown`, the phrase for it not being known. Secrets are neither values nor unknowns with
 * a shape: they come out as `unknown`.
 */
export function shown(attr: Attr<string | number>, unknown: Phrase): MessageValue {
  if (attr.value !== undefined) return attr.value;
  const written = attr.origin === 'unknown' ? getPath(attr.at.node.properties, attr.at.path) : undefined;
  return written instanceof Unknown ? shownText(written, unknown) : unknown;
}

/** A string that may be known only at deployment, as a message shows it: itself, else what the code shows of it (`shapeText`), else `unknown`. */
export const shownText = (value: string | Unknown, unknown: Phrase): MessageValue => (typeof value === 'string' ? value : (shapeText(value) ?? unknown));

/** Text rendered for each language: a plain string when it comes out the same in both. */
export function inEachLanguage(render: (lang: Lang) => string): MessageValue {
  const en = render('en');
  const ja = render('ja');
  return en === ja ? en : { en, ja };
}

/** Between the items of a list: Japanese writes 、 where English writes a comma. */
export const LIST_SEPARATOR: Phrase = phrase(', ', '、');

/** Words as one list in `lang`. */
export const listIn = (words: readonly string[], lang: Lang): string => words.join(LIST_SEPARATOR[lang]);

/** Values as one list, each language with its own separator, phrases said in each language. */
export const joined = (values: readonly MessageValue[]): MessageValue => inEachLanguage((lang) => listIn(values.map((v) => textIn(v, lang)), lang));

/** Between a value and what is said of another part of it: `tcp, ports known only at deployment`. */
export const CLAUSE_SEPARATOR: Phrase = phrase(', ', '、');

/** That a part of something is set only at deployment ("port known only at deployment", "ポートはデプロイ時に決まる"), said of `part`. */
export const knownAtDeployment = (part: Phrase): Phrase => phrase(`${part.en} known only at deployment`, `${part.ja}はデプロイ時に決まる`);
