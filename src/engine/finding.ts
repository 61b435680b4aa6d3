import { literalOriginOf } from '../graph/graph.js';
import { locationOf, mayBeInserted, type ResourceNode } from '../graph/resource.js';
import { placeholdersOf } from '../graph/placeholders.js';
import { getPath, isMap, isSecret, isUnknown, splitPath, type PropertyValue, type Unknown } from '../graph/values.js';
import { uiText } from '../i18n/messages.js';
import { listIn, textIn } from '../i18n/phrase.js';
import type { Evidence, Unreadable } from '../models/attr.js';
import type { Result, Status } from './evaluate.js';
import type { Lang, MessageData, Severity } from './policy.js';
import { withoutUrlCredentials } from '../redact.js';

/** Where a setting is written, when that is another resource than the one the finding names. */
export interface FindingLocation {
  readonly resource: string;
  readonly resourceType: string;
  readonly file: string;
  readonly line?: number;
  /** The property path inside that resource (empty for the resource as a whole). */
  readonly path: string;
  /** The plan deletes that resource: the finding is about what deleting it undoes. */
  readonly deleted?: true;
  /** That resource's CDK construct path (`aws:cdk:path`), when it comes from a CDK app. */
  readonly constructPath?: string;
}

/** A result as users read it: in one language, with the file and line to change. */
export interface Finding {
  readonly policyId: string;
  readonly title: string;
  readonly severity: Severity;
  readonly status: Exclude<Status, 'pass' | 'not-applicable'>;
  /** The resource's address (Terraform address, `Stack/LogicalId`, URN). */
  readonly resource: string;
  readonly resourceType: string;
  readonly file: string;
  readonly line?: number;
  readonly constructPath?: string;
  /** The plan or state the resource was read from, when `file`/`line` point at its `.tf` source. */
  readonly plan?: { readonly file: string; readonly line?: number };
  /** The policy's message id: stable across languages, for tools. Absent for a generic "cannot decide". */
  readonly messageId?: string;
  readonly message: string;
  readonly fix: string;
  /** Where the deciding value is written or would be written. */
  readonly evidence?: FindingLocation;
  /** The accepted exception: it makes the finding `suppressed`, or, once expired, only annotates it. */
  readonly suppression?: { readonly reason: string; readonly expires?: string; readonly expired: boolean; readonly file: string; readonly line?: number };
  readonly docs: string;
  /** Known from the baseline given (`--baseline`): reported, but it does not fail the build. */
  readonly baselined?: true;
}

/** The file a user changes for a resource: its own, or the module call in the scanned code for one inside an installed module. */
export const fileToChange = (node: ResourceNode): string => node.source.call?.file ?? node.source.file;

/** Fails and unknowns as findings in `lang`, deduplicated and in a deterministic order. */
export function toFindings(results: readonly Result[], lang: Lang): Finding[] {
  const seen = new SeenResults();
  const out: Finding[] = [];
  for (const r of results) {
    if (r.status !== 'fail' && r.status !== 'unknown' && r.status !== 'suppressed') continue;
    const at = r.at && locationOf(r.at.node, r.at.path);
    const evidence: FindingLocation | undefined = r.at && at && {
      resource: r.at.node.address,
      resourceType: r.at.node.type,
      file: at.file,
      ...withLine(at.line),
      path: r.at.path,
      ...(r.at.node.action === 'delete' && { deleted: true as const }),
      ...(r.at.node.source.constructPath !== undefined && { constructPath: r.at.node.source.constructPath }),
    };
    const message =
      r.messageId !== undefined
        ? interpolate(r.policy.messages[lang][r.messageId] ?? r.messageId, r.data ?? {}, lang)
        : evidence?.path
          ? undecidedText(r.at!, lang, { path: evidence.path, resource: evidence.resource })
          : interpolate(uiText(lang).unknownResourceMessage, { resource: evidence?.resource ?? r.resource.address }, lang);
    if (!seen.first(r, `${r.status}\u0000${evidence?.resource}\u0000${evidence?.path}\u0000${message}`)) continue;
    // A finding points at the line to change: where the setting is written if that is in the same
    // file. Inside a module `terraform init` installed, that is the module call in the scanned code
    // — at the argument the value comes through, where it does (the evidence still says where in
    // the module the setting is).
    const call = r.resource.source.call;
    const file = fileToChange(r.resource);
    const passedIn = call && r.at ? literalOriginOf(r.at.node, r.at.path) : undefined;
    const line =
      evidence && evidence.file === file && evidence.line !== undefined
        ? evidence.line
        : passedIn?.file === file && passedIn.line !== undefined
          ? passedIn.line
          : (call ?? r.resource.source).line;
    out.push({
      policyId: r.policy.id,
      title: r.policy.text[lang].title,
      severity: r.severity,
      status: r.status,
      resource: r.resource.address,
      resourceType: r.resource.type,
      file,
      ...withLine(line),
      ...(r.resource.source.constructPath !== undefined && { constructPath: r.resource.source.constructPath }),
      ...(r.resource.source.plan !== undefined && { plan: r.resource.source.plan }),
      ...(r.messageId !== undefined && { messageId: r.messageId }),
      message,
      fix: r.policy.text[lang].fix,
      ...(evidence !== undefined && { evidence }),
      ...(r.suppression && {
        suppression: {
          reason: r.suppression.reason,
          ...(r.suppression.expires !== undefined && { expires: r.suppression.expires }),
          expired: r.suppression.expired,
          file: r.suppression.file,
          ...withLine(r.suppression.line),
        },
      }),
      docs: r.policy.docs,
    });
  }
  return out.sort(compareFindings);
}

/**
 * The results already made findings, by policy and resource (identities, which a map hashes for
 * nothing), then by what else a finding says: a key string of all of it cost more to hash than
 * the rest of the finding did to build.
 */
class SeenResults {
  private readonly byPolicy = new Map<Result['policy'], Map<Result['resource'], string[]>>();

  /** Whether `r`, saying `rest`, is the first such result. */
  first(r: Result, rest: string): boolean {
    let byResource = this.byPolicy.get(r.policy);
    if (!byResource) this.byPolicy.set(r.policy, (byResource = new Map()));
    const said = byResource.get(r.resource);
    if (!said) {
      byResource.set(r.resource, [rest]);
      return true;
    }
    if (said.includes(rest)) return false;
    said.push(rest);
    return true;
  }
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    compare(a.file, b.file) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    compare(a.resource, b.resource) ||
    compare(a.policyId, b.policyId) ||
    compare(a.evidence?.resource ?? '', b.evidence?.resource ?? '') ||
    compare(a.evidence?.path ?? '', b.evidence?.path ?? '') ||
    compare(a.message, b.message)
  );
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Fills `{{name}}` placeholders, phrases in `lang`; one naming no data is left as written. */
export function interpolate(template: string, data: MessageData, lang: Lang): string {
  let out = '';
  let from = 0;
  for (let open = template.indexOf('{{'); open !== -1; open = template.indexOf('{{', from)) {
    const close = template.indexOf('}}', open + 2);
    if (close === -1) break;
    const name = template.slice(open + 2, close).trim();
    out += template.slice(from, open) + (Object.hasOwn(data, name) ? withoutUrlCredentials(textIn(data[name]!, lang)) : template.slice(open, close + 2));
    from = close + 2;
  }
  return out + template.slice(from);
}

/** `{ line }` when there is one: for optional fields under exactOptionalPropertyTypes. */
const withLine = (line: number | undefined): { line?: number } => (line === undefined ? {} : { line });

/**
 * Why a setting is undecided: a secret, a value the adapter says the setting does not take (a
 * policy statement without a valid Effect, a value outside an enumerated setting's), one of
 * another shape than the setting takes, an input given no value (named, so that the user can give
 * it one), or a value known only at deployment.
 */
function undecidedText(at: Evidence, lang: Lang, data: { path: string; resource: string }): string {
  const text = uiText(lang);
  const { properties } = at.node;
  const { path } = at;
  const value = getPath(properties, path);
  // A secret at the path, inside what it holds, or holding it (a whole `ingress` set made sensitive).
  if (holds(value, isSecret) || splitPath(path).some((_, i, segs) => isSecret(getPath(properties, segs.slice(0, i).join('.'))))) {
    return interpolate(text.unknownSecretMessage, data, lang);
  }
  if (at.unreadable) return unreadableText(at.unreadable, lang, data);
  if (value === undefined && mayBeInserted(at.node, path)) {
    const names = at.node.insertedBy ?? [];
    return interpolate(text.unknownInsertedMessage, { ...data, transform: names.length > 0 ? `Fn::Transform ${listIn(names, lang)}` : 'Fn::Transform' }, lang);
  }
  if (value === undefined || value === null || holds(value, isUnknown)) {
    const origins = value === undefined || value === null ? undefined : originsOf(value, at.node.modulesNotInstalled);
    if (!origins) return interpolate(text.unknownMessage, data, lang);
    const input = listIn(origins.inputs, lang);
    if (origins.modules.size === 0) return interpolate(text.unknownInputMessage, { ...data, input }, lang);
    const module = listIn([...origins.modules].map(([address, source]) => interpolate(text.moduleNotInstalled, { address, source: JSON.stringify(source) }, lang)), lang);
    return interpolate(origins.inputs.length === 0 ? text.unknownModuleMessage : text.unknownModuleInputMessage, { ...data, module, input }, lang);
  }
  return interpolate(text.unknownShapeMessage, data, lang);
}

/** Longest written value a message quotes whole. */
const QUOTED_VALUE_MAX = 80;

/** What is wrong with a value the adapter found written but could not read, in `text`'s language. */
function unreadableText(why: Unreadable, lang: Lang, data: { path: string; resource: string }): string {
  const text = uiText(lang);
  switch (why.kind) {
    case 'no-effect':
      return why.effect === undefined
        ? interpolate(text.unknownNoEffectMessage, { ...data, statement: why.statement }, lang)
        : interpolate(text.unknownBadEffectMessage, { ...data, statement: why.statement, effect: quotable(why.effect) }, lang);
    case 'not-accepted':
      return interpolate(text.unknownNotAcceptedMessage, { ...data, value: quotable(why.value), accepted: listIn(why.accepted, lang) }, lang);
    case 'missing-ports':
      return interpolate(text.unknownMissingPortsMessage, { ...data, protocol: why.protocol }, lang);
  }
}

/** A written value as a message quotes it: on one line, and cut short when long. */
function quotable(value: string): string {
  const line = value.replace(/\s+/g, ' ');
  return line.length > QUOTED_VALUE_MAX ? `${line.slice(0, QUOTED_VALUE_MAX)}…` : line;
}

/**
 * Where the unknown parts of a value come from, when each is something the user can supply before
 * deployment: an input given no value (a CloudFormation parameter, a Terraform variable) or an
 * output of a module `terraform init` has not installed (`modules`: address to source).
 * `undefined` when any part is known only at deployment.
 */
function originsOf(value: PropertyValue, notInstalled: ReadonlyMap<string, string> | undefined): { inputs: string[]; modules: Map<string, string> } | undefined {
  const inputs = new Set<string>();
  const modules = new Map<string, string>();
  const visit = (v: PropertyValue): boolean => {
    if (isUnknown(v)) {
      const name = inputName(v);
      if (name) inputs.add(name);
      return name !== undefined || (notInstalled !== undefined && fromModules(v, notInstalled, inputs, modules));
    }
    if (Array.isArray(v)) return v.every(visit);
    return !isMap(v) || Object.values(v).every(visit);
  };
  return visit(value) && inputs.size + modules.size > 0 ? { inputs: [...inputs], modules } : undefined;
}

/**
 * Whether an unknown value is made of outputs of modules not installed (`${module.vpc.vpc_id}`,
 * `arn:aws:s3:::${module.logs.s3_bucket_id}/*`), and of Terraform variables beside them, adding
 * each to `modules` or `inputs`; `false`, adding none, when some part is neither.
 */
function fromModules(value: Unknown, notInstalled: ReadonlyMap<string, string>, inputs: Set<string>, modules: Map<string, string>): boolean {
  if (value.refs.length > 0 || value.shape === undefined) return false;
  const parts = placeholdersOf(value.shape).map((part) => part.slice(2, -1));
  const calls = parts.map((part) => callNamed(part, notInstalled)).filter((c) => c !== undefined);
  const variables = parts.filter((part) => callNamed(part, notInstalled) === undefined && /^var\.[A-Za-z][\w-]*$/.test(part));
  if (calls.length === 0 || calls.length + variables.length < parts.length) return false;
  for (const call of calls) modules.set(call, notInstalled.get(call)!);
  for (const name of variables) inputs.add(name);
  return true;
}

/** The call of `notInstalled` an expression (`module.vpc.vpc_id`, `module.vpc[0]`) is taken from: its address, or one up to a `.`. */
function callNamed(expression: string, notInstalled: ReadonlyMap<string, string>): string | undefined {
  if (notInstalled.has(expression)) return expression;
  for (let dot = expression.lastIndexOf('.'); dot > 0; dot = expression.lastIndexOf('.', dot - 1)) {
    if (notInstalled.has(expression.slice(0, dot))) return expression.slice(0, dot);
  }
  return undefined;
}

/**
 * The input a value is taken from as a whole, when nothing else goes into it: a CloudFormation
 * parameter (`${Env}`) or a Terraform variable (`${var.env}`) with no value given. Not a pseudo
 * parameter or a resource attribute, which no option sets.
 */
function inputName(value: Unknown): string | undefined {
  if (value.refs.length > 0 || value.shape === undefined) return undefined;
  const m = /^\$\{([A-Za-z][\w.-]*)\}$/.exec(value.shape);
  if (!m || m[1]!.startsWith('AWS::')) return undefined;
  const name = m[1]!;
  if (name.startsWith('var.')) return name;
  return name.includes('.') ? undefined : name;
}

/** Whether a value is, or holds anywhere inside it, one that `is` picks out. */
function holds(value: PropertyValue | undefined, is: (v: PropertyValue) => boolean): boolean {
  if (value === undefined) return false;
  if (is(value)) return true;
  if (Array.isArray(value)) return value.some((v) => holds(v, is));
  return isMap(value) && Object.values(value).some((v) => holds(v, is));
}
