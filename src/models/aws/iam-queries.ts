import { hasPlaceholder, literalPieces, placeholdersOf, replacePlaceholders, replacePlaceholdersWhere } from '../../graph/placeholders.js';
import { Unknown } from '../../graph/values.js';
import { inEachLanguage, joined, phrase, shownText, textIn, type MessageValue, type Phrase } from '../../i18n/phrase.js';
import type { Evidence } from '../attr.js';
import { caseFolded, matchesPieces } from '../wildcard.js';
import type { AttachedPolicy, PolicyCondition, PolicyDocument, PolicyPrincipal, PolicyStatement, PolicyString, PrincipalEntry } from './iam.js';

/** Three-valued answers: `undefined` when the source does not tell before deployment. */
export type Maybe = boolean | undefined;

/**
 * Whether a policy string may be exactly `s` (`*`). An unknown value whose known shape has
 * literal text (`arn:${AWS::Partition}:s3:::${Bucket}/*`) is not. Nor is a wildcard one computed
 * from resources of the sources (`!GetAtt Role.Arn`, `aws_iam_role.r.arn`): it names one of them.
 * A bare parameter or variable may be anything.
 */
export function mayEqual(value: PolicyString, s: string): Maybe {
  if (typeof value === 'string') return value === s;
  // A choice made at deployment (`Fn::If` on a condition, `Fn::FindInMap` keyed by the Region): decided if every choice is.
  if (value.alternatives !== undefined) return allAlike(value.alternatives.map((a) => alternativeEquals(a, s)));
  if (value.shape !== undefined && replacePlaceholders(value.shape, '') !== '') return false;
  // `!Ref AWS::AccountId` as a principal: an account ID is never a wildcard.
  if (value.shape !== undefined && s.includes('*') && onlyNeverWildcards(value.shape)) return false;
  return s.includes('*') && value.refs.length > 0 ? false : undefined;
}

/** Whether one value a field may take is `s`, or holds it in its list; a choice that removes the field (`undefined`) holds nothing. */
function alternativeEquals(value: unknown, s: string): Maybe {
  if (value === undefined) return false;
  if (Array.isArray(value)) return value.length === 0 ? false : or(value.map((v) => alternativeEquals(v, s)));
  if (typeof value === 'string' || value instanceof Unknown) return mayEqual(value, s);
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) === s : undefined;
}

/** `true` or `false` when every answer is that, otherwise undecided. */
function allAlike(answers: readonly Maybe[]): Maybe {
  if (answers.length > 0 && answers.every((a) => a === false)) return false;
  return answers.length > 0 && answers.every((a) => a === true) ? true : undefined;
}

/** A shape made only of parts that are never a wildcard: pseudo parameters, an account ID or Region read by a data source. */
function onlyNeverWildcards(shape: string): boolean {
  const parts = placeholdersOf(shape);
  return parts.length > 0 && parts.every((p) => p.startsWith('${AWS::') || isAccountOrRegion(p.slice(2, -1)));
}

/** Whether any element is `target` (`*`): true if one is, unknown if one may be. */
export function anyEquals(values: readonly PolicyString[] | undefined, ...targets: string[]): Maybe {
  if (!values) return false;
  let maybe = false;
  for (const v of values) {
    for (const t of targets) {
      const eq = mayEqual(v, t);
      if (eq === true) return true;
      if (eq === undefined) maybe = true;
    }
  }
  return maybe ? undefined : false;
}

/** `Principal: "*"`, `{"AWS": "*"}`: anyone, including anonymous callers. */
export function isPublicPrincipal(principal: PolicyPrincipal | undefined): Maybe {
  if (!principal) return false;
  if (principal.any) return true;
  return anyEquals(
    principal.entries.filter((e) => e.type === 'AWS' || e.type === '*').map((e) => e.value),
    '*',
  );
}

/**
 * Condition keys that limit a statement to known callers or networks when compared with fixed
 * values — the keys S3 and IAM Access Analyzer accept as making a `"*"` principal not public.
 * `kms:ViaService` is not one: it names the service a request comes through, whoever makes it.
 */
const NARROWING_KEYS = new Set([
  'aws:sourcearn',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourceowner',
  'aws:sourceaccount',
  'aws:sourceip',
  'aws:sourceorgid',
  'aws:sourceorgpaths',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:userid',
  's3:dataaccesspointarn',
  's3:dataaccesspointaccount',
  'kms:calleraccount',
]);

/** Operators that compare with a fixed value. `…IfExists` passes when the key is missing, so it does not narrow. */
const FIXED_OPERATORS = new Set(['stringequals', 'stringequalsignorecase', 'stringlike', 'arnequals', 'arnlike', 'ipaddress']);

/** Whether one condition limits the statement to fixed callers or networks. */
export function isNarrowingCondition(c: PolicyCondition): Maybe {
  const operator = c.operator.toLowerCase();
  // ForAllValues: holds when the request has no value for the key at all.
  if (operator.startsWith('forallvalues:')) return false;
  const base = operator.replace(/^foranyvalue:/, '');
  if (!FIXED_OPERATORS.has(base) || !NARROWING_KEYS.has(c.key.toLowerCase()) || c.values.length === 0) return false;
  let maybe = false;
  for (const v of c.values) {
    if (typeof v !== 'string') {
      // A reference (`!Ref Endpoint`) names one resource; only literal text in its shape can be a wildcard.
      if (v.shape === undefined) maybe = true;
      else if (/[*?]/.test(replacePlaceholders(v.shape, ''))) return false;
      continue;
    }
    if (/[*?]/.test(v) || v.includes('${')) return false; // a wildcard or a policy variable
    if (c.key.toLowerCase() === 'aws:sourceip' && isWorldCidr(v)) return false;
  }
  return maybe ? undefined : true;
}

/** Whether a statement grants anyone access: `Allow` to a public principal (or `NotPrincipal`) with no narrowing condition. */
export function isPublicStatement(s: PolicyStatement): Maybe {
  if (s.effect === 'Deny') return false;
  const publicPrincipal = s.notPrincipal ? true : isPublicPrincipal(s.principal);
  if (publicPrincipal === false) return false;
  if (s.conditions === undefined) return undefined;
  const narrowed = or(s.conditions.map(isNarrowingCondition));
  if (narrowed === true) return false;
  return s.effect === undefined || publicPrincipal === undefined || narrowed === undefined ? undefined : true;
}

/** What makes resource policies public: the statements open to anyone, and where that cannot be told before deployment. */
export interface PublicAccess {
  readonly open: readonly PolicyStatement[];
  readonly undecided: readonly Evidence[];
}

export function publicAccess(docs: readonly PolicyDocument[]): PublicAccess {
  const open: PolicyStatement[] = [];
  const undecided: Evidence[] = [];
  for (const doc of docs) {
    if (!doc.statements) {
      undecided.push(doc.at);
      continue;
    }
    for (const s of doc.statements) {
      const verdict = isPublicStatement(s);
      if (verdict === true) open.push(s);
      else if (verdict === undefined) undecided.push(s.at);
    }
  }
  return { open, undecided };
}

/** What messages say for an element of Action or NotAction written as a reference or parameter with no value. */
export const UNKNOWN_ACTION = phrase('an action known only at deployment', 'デプロイ時に決まるアクション');

/** What messages say for an element of Resource or NotResource that is not known before deployment. */
export const UNKNOWN_RESOURCE = phrase('a resource known only at deployment', 'デプロイ時に決まるリソース');

/** What messages say for a user, group, role or managed policy whose name is known only at deployment, where the code shows no expression for it. */
export const UNKNOWN_NAME = phrase('(its name known only at deployment)', '(名前はデプロイ時に決まる)');

/** Policy strings for messages, `, ` between them: each as `shownText` says it, `unknown` for one the code does not show. */
export const policyList = (values: readonly PolicyString[], unknown: Phrase): MessageValue => joined(values.map((v) => shownText(v, unknown)));

/** A statement's actions for messages: `s3:GetObject, s3:ListBucket`, or `NotAction s3:Delete*`. */
export function actionsLabel(s: PolicyStatement): MessageValue {
  const actions = policyList(s.actions ?? s.notActions ?? [], UNKNOWN_ACTION);
  return s.notActions ? inEachLanguage((lang) => `NotAction ${textIn(actions, lang)}`) : actions;
}

/** A CIDR covering every address: `0.0.0.0/0`, `::/0`. */
export function isWorldCidr(cidr: string): boolean {
  return /\/0$/.test(cidr.trim());
}

/** Kleene or: true if any is true, unknown if none is but one is unknown. */
export function or(values: readonly Maybe[]): Maybe {
  if (values.includes(true)) return true;
  return values.includes(undefined) ? undefined : false;
}

/**
 * A statement's label in messages: its `Sid`, else its position. A Sid of digits alone would read
 * as a position, and a wrong one: CDK numbers the statements of an SNS topic policy from "0", so
 * Sid "1" is the second. Its position then comes first.
 */
export function statementLabel(s: PolicyStatement): string {
  const position = `#${s.index + 1}`;
  if (s.sid === undefined) return position;
  return /^\d+$/.test(s.sid) ? `${position} (Sid "${s.sid}")` : s.sid;
}

/** Kleene and: false if any is false, unknown if none is but one is unknown. */
export function and(values: readonly Maybe[]): Maybe {
  if (values.includes(false)) return false;
  return values.includes(undefined) ? undefined : true;
}

/** Kleene not. */
export function not(value: Maybe): Maybe {
  return value === undefined ? undefined : !value;
}

const globCache = new Map<string, readonly string[]>();

/**
 * An IAM wildcard pattern as the pieces between its `*`, case folded (`?` in them stands for any
 * one character). Matched by `matchesPieces`: as a regular expression, many `*` backtrack for ever.
 */
function globPieces(pattern: string): readonly string[] {
  let pieces = globCache.get(pattern);
  if (!pieces) {
    pieces = caseFolded(pattern).split('*');
    if (globCache.size < 10_000) globCache.set(pattern, pieces);
  }
  return pieces;
}

const actionCache = new Map<string, string>();

/** An action asked about, case folded once: policies ask about a few, many times over. */
function foldedAction(action: string): string {
  let folded = actionCache.get(action);
  if (folded === undefined) {
    folded = caseFolded(action);
    if (actionCache.size < 10_000) actionCache.set(action, folded);
  }
  return folded;
}

/**
 * Whether an Action or NotAction element matches `action` as IAM matches them: action names are
 * case-insensitive and `*` / `?` are wildcards, so `iam:*`, `iam:Pass*` and `*` all match
 * `iam:PassRole`.
 */
export function actionMatches(pattern: string, action: string): boolean {
  return matchesPieces(globPieces(pattern), foldedAction(action), true);
}

/** Whether a Resource pattern matches an ARN as IAM matches them: `*` and `?` wildcards, case kept (an S3 object key's). */
export function resourceMatches(pattern: string, arn: string): boolean {
  return matchesPieces(pattern.split('*'), arn, true);
}

/**
 * Whether an element that may be unknown (`!Sub "${Service}:*"`) matches `action`: a known element
 * by IAM's rules; an unknown one only by the literal text of its shape, since the unknown parts
 * may hold anything, wildcards included.
 */
export function mayMatchAction(value: PolicyString, action: string): Maybe {
  if (typeof value === 'string') return actionMatches(value, action);
  if (value.shape === undefined) return undefined;
  const literal = literalPieces(value.shape);
  if (literal.length === 1) return actionMatches(value.shape, action);
  return actionMatches(literal.join('*'), action) ? undefined : false;
}

/**
 * Whether a statement names `action`, whatever its effect: an `Action` element matches it, or a
 * `NotAction` is given and none of its elements does. A statement with neither names nothing.
 */
export function coversAction(s: PolicyStatement, action: string): Maybe {
  if (s.actions) return or(s.actions.map((a) => mayMatchAction(a, action)));
  if (s.notActions) return not(or(s.notActions.map((a) => mayMatchAction(a, action))));
  return false;
}

/** Whether a statement allows `action` (resources and conditions aside). */
export function allowsAction(s: PolicyStatement, action: string): Maybe {
  if (s.effect === 'Deny') return false;
  const covered = coversAction(s, action);
  if (covered === false) return false;
  return s.effect === undefined ? undefined : covered;
}

/**
 * Whether a Resource element may stand for every resource: `*`, or an ARN pattern that matches
 * every ARN of its partition (`arn*`, `arn:aws:*`, `arn:${AWS::Partition}:*:*:*:*`). An unknown
 * value that only refers to resources of the sources (`!GetAtt Role.Arn`, `aws_iam_role.x.arn`) is
 * an ARN, never `*`; one with no known origin (a parameter without a value) may be.
 */
export function mayBeEverything(value: PolicyString): Maybe {
  const star = mayEqual(value, '*');
  if (star !== false) return star;
  // A partition written as a pseudo parameter or data source is the account's own.
  const text = typeof value === 'string' ? value : value.shape?.replace(/^arn:\$\{[^}]*\}:/, 'arn:aws:');
  if (text === undefined || !text.includes('*') || text.includes('${')) return false;
  const partition = /^arn:(aws[a-z-]*):/.exec(text)?.[1] ?? 'aws';
  return EVERY_RESOURCE_PROBES.every((probe) => resourceMatches(text, `arn:${partition}:${probe}`));
}

/**
 * ARNs of unrelated services, Regions and accounts, after `arn:<partition>:`: a Resource pattern
 * matching all of them (`arn*`, `arn:aws:*`, `arn:*:*:*:*:*`) matches every resource of its
 * partition, as `*` does.
 */
const EVERY_RESOURCE_PROBES = ['s3:::zz-probe-bucket/k', 'ec2:eu-west-1:123456789012:instance/i-0abc', 'iam::210987654321:role/zz/Probe_9'];

/**
 * Whether a statement applies to every resource: `Resource: "*"`, or `NotResource` (every resource
 * but the listed ones) unless `NotResource` itself is `*`.
 */
export function onEveryResource(s: PolicyStatement): Maybe {
  if (s.notResources) return not(or(s.notResources.map(mayBeEverything)));
  if (!s.resources) return false;
  return or(s.resources.map(mayBeEverything));
}

/**
 * The text of a possibly unknown ARN: each unknown part that may hold anything as `\u0000`, and
 * each that cannot be a wildcard as `\u0001` — pseudo parameters (`${AWS::AccountId}`), and the
 * parts of a value computed only from resources of the sources (`${Role}` of a `!Sub`).
 */
function arnText(value: PolicyString): string | undefined {
  if (typeof value === 'string') return value;
  if (value.shape === undefined) return undefined;
  const placeholders = placeholdersOf(value.shape);
  const free = placeholders.filter((p) => !p.startsWith('${AWS::')).length;
  const fromResources = value.refs.length >= free;
  return replacePlaceholders(value.shape, (p) => (p.startsWith('${AWS::') || fromResources ? '\u0001' : '\u0000'));
}

/**
 * Whether a Resource element covers every IAM role of an account: `*`, or an IAM ARN pattern whose
 * resource part matches any role name (`arn:aws:iam::123456789012:role/*`, `arn:aws:iam::*:*`).
 * Partition and account may be unknown (`${AWS::Partition}`, `${AWS::AccountId}`).
 */
export function coversEveryRole(value: PolicyString): Maybe {
  const everything = mayBeEverything(value);
  if (everything !== false) return everything;
  const text = arnText(value);
  if (text === undefined) return false;
  const m = /^arn:[^:]*:iam::[^:]*:(.*)$/s.exec(text);
  if (!m) return false;
  // The resource part stands for every role if it matches role names that share nothing.
  const probes = ['role/a', 'role/zz-sekisho/Probe_9'];
  const part = m[1]!;
  if (probes.every((p) => actionMatches(part, p))) return true;
  return part.includes('\u0000') && probes.every((p) => actionMatches(part.replace(/\u0000/g, '*'), p)) ? undefined : false;
}

/**
 * Whether a statement is one `aws-iam-full-admin` reports: Allow `*` (or NotAction) on Resource
 * `*`. Other IAM policies leave such statements to it, so that one statement gets one finding.
 */
export function isFullAdminStatement(s: PolicyStatement): Maybe {
  if (s.effect === 'Deny') return false;
  const onEverything = s.resources ? or(s.resources.map(mayBeEverything)) : false;
  const everyAction = s.notActions ? true : anyEquals(s.actions, '*', '*:*');
  if (onEverything === false || everyAction === false) return false;
  return onEverything === undefined || everyAction === undefined || s.effect === undefined ? undefined : true;
}

/**
 * Whether a managed policy ARN is the AWS managed policy `name` (`arn:aws:iam::aws:policy/name`, in
 * any partition). An unknown ARN is judged by the literal text of its shape: CDK and `!Sub` write
 * `arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess`, which is it in every partition.
 */
export function isAwsManagedPolicy(arn: PolicyString, name: string): Maybe {
  // A choice made at deployment (`Fn::If` on the partition, as CDK's EKS cluster writes): decided if every choice is.
  if (typeof arn !== 'string' && arn.alternatives !== undefined) {
    const each = arn.alternatives.filter((a) => a !== undefined).map((a) => (typeof a === 'string' || a instanceof Unknown ? isAwsManagedPolicy(a, name) : undefined));
    return each.every((v) => v === false) ? false : each.every((v) => v === true) && each.length === arn.alternatives.length ? true : undefined;
  }
  // An account ID or Region is never `aws`, the account part of AWS managed policies. Terraform
  // source reads them from data sources: `${data.aws_partition.current.partition}`,
  // `${data.aws_caller_identity.current.account_id}`, `${data.aws_region.current.name}`.
  const text = typeof arn === 'string' ? arn : arn.shape && replacePlaceholdersWhere(replacePlaceholdersWhere(arn.shape, isPartition, 'aws'), isAccountOrRegion, '\u0001');
  if (text === undefined) return undefined;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (new RegExp(`^arn:aws(-[a-z]+)*:iam::aws:policy/(.*/)?${escaped}$`).test(text)) return true;
  if (!hasPlaceholder(text)) return false;
  // Each unknown part may hold anything: the literal text between them, in order.
  return matchesPieces(literalPieces(text), `arn:aws:iam::aws:policy/${name}`, false) ? undefined : false;
}

/**
 * Whether an attached managed policy is the AWS managed policy `name`: by its ARN, or, for one
 * looked up by name, by that name (a lookup of an AWS managed policy's name finds that policy).
 */
export function isAwsManagedAttachment(p: AttachedPolicy, name: string): Maybe {
  if (p.definedInSources) return false;
  if (p.foundByName !== undefined) return p.foundByName === name;
  return p.arn === undefined ? false : isAwsManagedPolicy(p.arn, name);
}

/** `s` is `prefix`, then anything, then `suffix` (`data\.aws_region\.[^}]*\.name` without a pattern's backtracking). */
const encloses = (s: string, prefix: string, suffix: string): boolean => s.length >= prefix.length + suffix.length && s.startsWith(prefix) && s.endsWith(suffix);

/**
 * Whether a value known only at deployment is the account the sources deploy to: its ID
 * (`!Ref AWS::AccountId`, what CDK writes for `AccountRootPrincipal` and `Stack.of(this).account`;
 * `data.aws_caller_identity.<name>.account_id` in Terraform) or that account's root ARN
 * (`arn:${AWS::Partition}:iam::${AWS::AccountId}:root`). As a principal it is one account, the owner's.
 */
export function isOwnAccount(value: PolicyString): boolean {
  if (typeof value === 'string' || value.shape === undefined) return false;
  const text = replacePlaceholdersWhere(replacePlaceholdersWhere(value.shape, isPartition, 'aws'), isOwnAccountId, '\u0001');
  return /^(?:\u0001|arn:aws(?:-[a-z]+)*:iam::\u0001:root)$/.test(text);
}

/** The inside of `${AWS::AccountId}`, `${data.aws_caller_identity.<name>.account_id}`. */
const isOwnAccountId = (inside: string): boolean => inside === 'AWS::AccountId' || encloses(inside, 'data.aws_caller_identity.', '.account_id');

/** The inside of `${AWS::Partition}`, `${data.aws_partition.<name>.partition}`. */
const isPartition = (inside: string): boolean => inside === 'AWS::Partition' || encloses(inside, 'data.aws_partition.', '.partition');

/** The inside of a part that is an account ID, a Region or a URL suffix: never `aws`. */
function isAccountOrRegion(inside: string): boolean {
  if (isOwnAccountId(inside) || inside === 'AWS::Region' || inside === 'AWS::URLSuffix') return true;
  return encloses(inside, 'data.aws_region.', '.name') || encloses(inside, 'data.aws_region.', '.region');
}

/** Whether a statement applies to every role: a Resource covering all roles, or a NotResource that does not exclude them all. */
export function onEveryRole(s: PolicyStatement): Maybe {
  if (s.notResources) return not(or(s.notResources.map(coversEveryRole)));
  return or((s.resources ?? []).map(coversEveryRole));
}

/**
 * Whether an `iam:PassedToService` condition lets the statement pass roles to `service`
 * (`ec2.amazonaws.com`): true when there is no such condition, or one of its values matches.
 */
export function passesRoleTo(s: PolicyStatement, service: string): Maybe {
  if (s.conditions === undefined) return undefined;
  const limits = s.conditions.filter((c) => c.key.toLowerCase() === 'iam:passedtoservice' && /^(foranyvalue:)?string(equals|like)(ignorecase)?$/i.test(c.operator));
  return and(limits.map((c) => or(c.values.map((v) => (/like$/i.test(c.operator) ? mayMatchAction(v, service) : typeof v === 'string' ? v.toLowerCase() === service : undefined)))));
}

/** A condition operator taken apart: `ForAnyValue:StringLikeIfExists` → `foranyvalue`, `stringlike`, IfExists. Lower case. */
export interface ConditionOperator {
  readonly set?: 'forallvalues' | 'foranyvalue';
  readonly base: string;
  readonly ifExists: boolean;
}

export function conditionOperator(operator: string): ConditionOperator {
  const m = /^(?:(forallvalues|foranyvalue):)?(.*?)(ifexists)?$/s.exec(operator.toLowerCase())!;
  const set = m[1] as ConditionOperator['set'];
  return { ...(set && { set }), base: m[2]!, ifExists: m[3] !== undefined };
}

/** A statement's conditions on `key` (names compared ignoring case, as IAM does); `undefined` when its Condition block is not known. */
export function conditionsOn(s: PolicyStatement, key: string): readonly PolicyCondition[] | undefined {
  const wanted = key.toLowerCase();
  return s.conditions?.filter((c) => c.key.toLowerCase() === wanted);
}

/**
 * The OIDC and web identity providers a `Federated` principal entry names, each as its issuer
 * without `https://` (`token.actions.githubusercontent.com`, `accounts.google.com`), as written:
 * read from an `oidc-provider/` ARN (its partition and account may be unknown), from the URL of the
 * provider of the sources it refers to, or as the name of a provider built into AWS. Empty for a
 * SAML provider; an element is `undefined` where the issuer is not known before deployment.
 */
export function oidcIssuers(entry: PrincipalEntry): readonly (string | undefined)[] {
  if (entry.type !== 'Federated') return [];
  const value = entry.value;
  // Each unknown part of the text as `\u0000`.
  const text = typeof value === 'string' ? value : (value.shape === undefined ? undefined : replacePlaceholders(value.shape, '\u0000'));
  const arn = text === undefined ? null : /^arn:[^:]*:iam::[^:]*:(oidc-provider|saml-provider)\/(.*)$/s.exec(text);
  if (arn) return arn[1] === 'saml-provider' ? [] : [issuerOf(arn[2]!)];
  if (typeof value === 'string') return value.startsWith('arn:') ? [] : [issuerOf(value)];
  if (entry.oidcProviderUrls) return entry.oidcProviderUrls.map((url) => (typeof url === 'string' ? issuerOf(url) : undefined));
  return [undefined];
}

/** `https://token.actions.githubusercontent.com/` → `token.actions.githubusercontent.com`; `undefined` when a part is unknown (`\u0000`). */
function issuerOf(url: string): string | undefined {
  if (url.includes('\u0000')) return undefined;
  const issuer = url.trim().replace(/^https:\/\//i, '');
  // Trailing slashes by a loop: `/\/+$/` took time quadratic in a URL of many slashes.
  let end = issuer.length;
  while (issuer[end - 1] === '/') end--;
  return issuer.slice(0, end);
}

/**
 * Whether a statement denies everyone calling from outside fixed networks: `Deny` with
 * `NotIpAddress` on `aws:SourceIp` (not a `/0`), or `StringNotEquals`/`StringNotLike` on
 * `aws:SourceVpc`/`aws:SourceVpce` (no wildcard) — how an API Gateway resource policy keeps callers in.
 */
export function deniesOutsideNetworks(s: PolicyStatement): Maybe {
  if (s.effect === 'Allow') return false;
  if (s.conditions === undefined || s.notPrincipal) return s.effect === undefined || s.conditions === undefined ? undefined : false;
  const everyone = isPublicPrincipal(s.principal);
  if (everyone === false) return false;
  const limiting = or(
    s.conditions.map((c): Maybe => {
      const operator = c.operator.toLowerCase();
      const key = c.key.toLowerCase();
      const byIp = operator === 'notipaddress' && key === 'aws:sourceip';
      const byVpc = (operator === 'stringnotequals' || operator === 'stringnotlike') && (key === 'aws:sourcevpc' || key === 'aws:sourcevpce');
      if ((!byIp && !byVpc) || c.values.length === 0) return false;
      const wide = c.values.some((v) => typeof v === 'string' && (byIp ? isWorldCidr(v) : /[*?]/.test(v)));
      return wide ? false : c.values.every((v) => typeof v === 'string') ? true : undefined;
    }),
  );
  return s.effect === undefined || everyone === undefined ? (limiting === false ? false : undefined) : limiting;
}

/**
 * Whether resource policies keep anonymous callers out: a statement denies calls from outside
 * fixed networks, or no statement allows anyone without a narrowing condition (callers limited to
 * named principals, or to source IPs and VPCs). False without any document.
 */
export function limitsCallers(docs: readonly PolicyDocument[]): Maybe {
  if (docs.length === 0) return false;
  const denial = or(docs.flatMap((d) => (d.statements ?? []).map(deniesOutsideNetworks)));
  if (denial === true) return true;
  const { open, undecided } = publicAccess(docs);
  if (open.length > 0) return denial === false ? false : undefined;
  return undecided.length > 0 ? undefined : true;
}

/**
 * What a resource policy must deny over plain HTTP for a service to refuse the requests that carry
 * its data: the actions (`svc:*` for every action of the service) and, where the service has one,
 * its condition key for the TLS version (a Deny below a minimum version refuses plain HTTP too).
 */
export interface TransportDenial {
  readonly actions: readonly string[];
  readonly tlsVersionKey?: string;
}

/** S3: every action (FSBP S3.5 and CIS 2.1.1 ask for `s3:*`), by aws:SecureTransport or s3:TlsVersion. */
export const S3_TRANSPORT: TransportDenial = { actions: ['s3:*'], tlsVersionKey: 's3:TlsVersion' };
/** SNS: publishing, the one request that carries a message to the topic (what CDK's `enforceSSL` denies). */
export const SNS_TRANSPORT: TransportDenial = { actions: ['sns:Publish'] };
/** SQS: sending and receiving messages; these two actions also govern `SendMessageBatch` and the batch receives. */
export const SQS_TRANSPORT: TransportDenial = { actions: ['sqs:SendMessage', 'sqs:ReceiveMessage'] };

/** Action names no real action of a service shares: a pattern matching both matches every action of it. */
const EVERY_ACTION_PROBES = ['a', 'ZzProbe_Action9'];

/** Whether an Action element covers `action`, or for `svc:*` every action of the service. */
function coversRequired(value: PolicyString, action: string): Maybe {
  if (!action.endsWith(':*')) return mayMatchAction(value, action);
  const service = action.slice(0, -1);
  return and(EVERY_ACTION_PROBES.map((probe) => mayMatchAction(value, `${service}${probe}`)));
}

/** Whether one condition refuses requests not sent over TLS: `Bool aws:SecureTransport false`, or the service's TLS version below a minimum. */
function refusesPlainHttp(c: PolicyCondition, spec: TransportDenial): boolean {
  const key = c.key.toLowerCase();
  const op = c.operator.toLowerCase();
  if (key === 'aws:securetransport') return (op === 'bool' || op === 'boolifexists') && c.values.some((v) => typeof v === 'string' && v.toLowerCase() === 'false');
  if (spec.tlsVersionKey !== undefined && key === spec.tlsVersionKey.toLowerCase()) return op === 'numericlessthan' || op === 'numericlessthanifexists';
  return false;
}

/**
 * Whether a statement denies everyone, over plain HTTP, every action `spec` names: `Deny`,
 * `Principal "*"`, actions covering them, and conditions that all refuse plain HTTP — another
 * condition would narrow the Deny to some requests only. A `NotAction` is not counted: such a
 * Deny is not how TLS is enforced, and which actions it leaves is not judged here. What part of
 * the resource the statement covers is the caller's question.
 */
export function deniesInsecureTransport(s: PolicyStatement, spec: TransportDenial): Maybe {
  if (s.effect === 'Allow') return false;
  if (s.conditions === undefined) return undefined;
  const conditions = s.conditions;
  if (conditions.length === 0 || !conditions.every((c) => refusesPlainHttp(c, spec))) return false;
  const everyone = s.notPrincipal ? false : isPublicPrincipal(s.principal);
  const listed = s.actions;
  const actions = s.notActions || !listed ? false : and(spec.actions.map((a) => or(listed.map((v) => coversRequired(v, a)))));
  return and([s.effect === 'Deny' ? true : undefined, everyone, actions]);
}

/** A resource a policy is attached to whose ARN ends in its name, `arn:<partition>:<service>:<region>:<account>:<name>` (an SNS topic, an SQS queue). */
export interface NamedArnResource {
  readonly service: string;
  /** Its graph node's id: a Resource element computed from it is its ARN. */
  readonly nodeId: string;
  /** Its name, where known. */
  readonly name: string | undefined;
}

/** Names no real resource has: a pattern matching both matches every name. */
const EVERY_NAME_PROBES = ['a', 'zz-probe-Name_9'];

/**
 * Whether a Resource element of the resource's own policy applies to it: `*`, or an ARN of its
 * service whose name part matches its name. A value computed from the resource itself (`!Ref
 * Topic`, `aws_sqs_queue.q.arn`) is its ARN; one computed from other resources of the sources
 * only, or naming itself by them, is theirs. Region and account are not compared: the policy is
 * attached to this resource, so they can only be its own.
 */
export function resourceElementCovers(value: PolicyString, self: NamedArnResource): Maybe {
  const everything = mayBeEverything(value);
  if (everything !== false) return everything;
  const fromOthers = typeof value !== 'string' && value.refs.length > 0;
  if (typeof value !== 'string' && value.refs.includes(self.nodeId)) return true;
  const text = typeof value === 'string' ? value : value.shape;
  const arn = text === undefined ? null : /^arn:[^:]*:([^:]*):[^:]*:[^:]*:(.*)$/s.exec(text);
  if (!arn) return typeof value === 'string' || fromOthers ? false : undefined;
  const service = arn[1]!;
  const name = arn[2]!;
  if (!hasPlaceholder(service) && !actionMatches(service, self.service)) return false;
  if (hasPlaceholder(name)) return fromOthers ? false : undefined;
  if (self.name !== undefined) return resourceMatches(name, self.name);
  return EVERY_NAME_PROBES.every((probe) => resourceMatches(name, probe)) ? true : undefined;
}

/** Whether a statement's `Resource` covers the resource; a `NotResource` is not judged, nor a statement whose Resource is not known. */
export function statementCoversResource(s: PolicyStatement, self: NamedArnResource): Maybe {
  if (s.notResources || !s.resources) return undefined;
  return or(s.resources.map((r) => resourceElementCovers(r, self)));
}

/**
 * How a resource's own policies stand on requests over plain HTTP (an SNS topic's, an SQS queue's):
 * - `denied`: statements deny them for every action `spec` names, on the resource;
 * - `noPolicy`: the resource has no policy;
 * - `narrowed`: the statement at `at` would deny them but for another condition that limits it;
 * - `notCovered`: the statement at `at` denies them, but its Resource is not this resource;
 * - `noDeny`: no statement denies them (`at`: the first policy);
 * - `undecided`: what is at `at` is not known before deployment.
 */
export type TransportStanding =
  | { readonly kind: 'denied' | 'noPolicy' }
  | { readonly kind: 'narrowed' | 'notCovered'; readonly at: Evidence; readonly statement: PolicyStatement }
  | { readonly kind: 'noDeny' | 'undecided'; readonly at: Evidence };

/** A statement that would deny plain HTTP but for other conditions narrowing it (`aws:SourceIp`, `aws:PrincipalAccount`). */
function narrowedTransportDeny(s: PolicyStatement, spec: TransportDenial): boolean {
  const conditions = s.conditions ?? [];
  const refusing = conditions.filter((c) => refusesPlainHttp(c, spec));
  return refusing.length > 0 && refusing.length < conditions.length && deniesInsecureTransport({ ...s, conditions: refusing }, spec) === true;
}

/**
 * Where a resource's policies stand on plain HTTP. Statements count together: one may deny
 * `sqs:SendMessage`, another `sqs:ReceiveMessage`.
 */
export function transportStanding(docs: readonly PolicyDocument[], spec: TransportDenial, self: NamedArnResource): TransportStanding {
  if (docs.length === 0) return { kind: 'noPolicy' };
  const statements = docs.flatMap((d) => d.statements ?? []);
  const each = spec.actions.map((action) => {
    const one = { ...spec, actions: [action] };
    return or(statements.map((s) => and([deniesInsecureTransport(s, one), statementCoversResource(s, self)])));
  });
  const all = and(each);
  if (all === true) return { kind: 'denied' };
  const undecidedDoc = docs.find((d) => d.statements === undefined);
  if (undecidedDoc) return { kind: 'undecided', at: undecidedDoc.at };
  const undecided = statements.find((s) => deniesInsecureTransport(s, spec) === undefined);
  if (undecided) return { kind: 'undecided', at: undecided.at };
  const denying = statements.filter((s) => deniesInsecureTransport(s, spec) === true);
  const uncovered = denying.find((s) => statementCoversResource(s, self) !== true);
  if (uncovered) return statementCoversResource(uncovered, self) === false ? { kind: 'notCovered', at: uncovered.at, statement: uncovered } : { kind: 'undecided', at: uncovered.at };
  if (all === undefined) return { kind: 'undecided', at: docs[0]!.at };
  const narrowed = statements.find((s) => narrowedTransportDeny(s, spec));
  return narrowed ? { kind: 'narrowed', at: narrowed.at, statement: narrowed } : { kind: 'noDeny', at: docs[0]!.at };
}
