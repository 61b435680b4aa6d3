import { writes, type ResourceNode, type SchemaFamily } from '../graph/resource.js';
import type { SecretRotation, SecretsManagerSecret } from '../models/aws/secrets.js';
import { defineAdapter, type Adapter } from './adapter.js';
import { isSet } from './configured.js';
import { joinChildren, type StandIn } from './join.js';
import { num, read, str, unknownAt } from './read.js';

/** Where one schema family writes a secret, its rotation and the rotation's schedule. */
export interface SecretRotationSchema {
  readonly secret: string;
  /** The secret's name, by which a rotation may also name it. */
  readonly name: string;
  readonly rotation: string;
  /** Where the rotation names its secret (a reference, the name or the ARN). */
  readonly secretId: string;
  /** Resources a rotation may name in the secret's place, and where they name it (a CloudFormation secret target attachment). */
  readonly standIns: readonly StandIn[];
  /** The rotation rules' interval in days and schedule expression, inside a rotation resource. */
  readonly days: string;
  readonly expression: string;
  /**
   * Rotation written on the secret itself (AWS provider before v5.0.0: `rotation_lambda_arn`, and
   * `rotation_rules` with only `automatically_after_days`).
   */
  readonly inline?: { readonly lambda: string; readonly days: string };
}

/** The adapter of one schema family for Secrets Manager secrets and their rotation. */
export function secretRotationAdapter(family: SchemaFamily, schema: SecretRotationSchema): Adapter<'aws.secretsmanager.Secret'> {
  return defineAdapter({
    kind: 'aws.secretsmanager.Secret',
    family,
    adapt(graph) {
      const link = { type: schema.rotation, paths: [schema.secretId], through: schema.standIns, nameOf: secretNames };
      return joinChildren(graph, [schema.secret], schema.name, [link]).map(({ anchor, parent, children }): SecretsManagerSecret => {
        const separate = (children.get(schema.rotation) ?? []).map((r) => rotation(r, schema.days, schema.expression));
        const inline = parent && schema.inline ? inlineRotation(parent, schema.inline) : undefined;
        return {
          resource: anchor,
          ...(!parent && { orphan: true }),
          name: read(parent ?? anchor, parent ? schema.name : schema.secretId, str),
          rotations: inline ? [inline, ...separate] : separate,
        };
      });
    },
  });
}

/** A secret's ARN: the name is all after `:secret:` (a secret's name cannot hold `:`). */
const SECRET_ARN = /^arn:.*:secret:(.+)$/;
/** The hyphen and six random characters AWS appends to a secret's name in its ARN. */
const ARN_SUFFIX = /-[A-Za-z0-9]{6}$/;

/**
 * The names a secret may have, by what names it (a rotation's `SecretId`, a resource policy's
 * `secret_arn`): a name as it is; in an ARN, the name as written, then without the hyphen and six
 * characters AWS appends (`arn:aws:secretsmanager:…:secret:prod/db-AbCdEf` is `prod/db`'s). A partial
 * ARN leaves the suffix out, and a name may itself end in a hyphen and six characters
 * (`app/db-master`): the name as written is tried first, so a secret of that exact name is preferred.
 */
export function secretNames(written: string): readonly string[] {
  const name = SECRET_ARN.exec(written)?.[1];
  if (name === undefined) return [written];
  const unsuffixed = name.replace(ARN_SUFFIX, '');
  return unsuffixed === name || unsuffixed === '' ? [name] : [name, unsuffixed];
}

/**
 * The rotation written on the secret (AWS provider before v5.0.0), when the author wrote it: the
 * provider computes both arguments, so a plan or state echoes a separate rotation's settings there.
 */
function inlineRotation(node: ResourceNode, paths: { readonly lambda: string; readonly days: string }): SecretRotation | undefined {
  return writes(node, paths.lambda) && isSet(node, paths.lambda).value === true ? rotation(node, paths.days, undefined) : undefined;
}

/** A rotation's interval: a schedule expression when one is written (the plan then leaves the day count unknown), else the day count. */
function rotation(node: ResourceNode, daysPath: string, expressionPath: string | undefined): SecretRotation {
  const days = read(node, daysPath, num);
  const expression = expressionPath === undefined ? undefined : read(node, expressionPath, str);
  if (expression === undefined || expression.origin === 'default' || expression.value === '' || (expression.origin === 'unknown' && days.origin === 'explicit')) {
    return { intervalDays: days, schedule: days.value === undefined ? undefined : `${daysPath.split(/[.\]]/).pop()} = ${days.value}` };
  }
  const bound = expression.value === undefined ? undefined : scheduleDays(expression.value);
  return { intervalDays: bound === undefined ? unknownAt(expression.at) : { value: bound, origin: expression.origin, at: expression.at }, schedule: expression.value };
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/**
 * The longest time between two rotations a schedule expression allows, in days: `rate(10 days)`,
 * `rate(6 hours)`; for `cron(minutes hours day-of-month month day-of-week year)`, 31 days for each
 * month of the longest gap between the months it runs in (`*` runs every month). `undefined` for an
 * expression it cannot read, or a cron limited to some years (it stops rotating after them).
 */
export function scheduleDays(expression: string): number | undefined {
  const e = expression.trim();
  const rate = /^rate\(\s*(\d+)\s+(day|days|hour|hours)\s*\)$/i.exec(e);
  if (rate) return rate[2]!.toLowerCase().startsWith('day') ? Number(rate[1]) : Number(rate[1]) / 24;
  const cron = /^cron\((.*)\)$/i.exec(e);
  const fields = cron ? cron[1]!.trim().split(/\s+/) : [];
  if (fields.length !== 6 || fields[5] !== '*') return undefined;
  const months = monthSet(fields[3]!);
  if (months === undefined || months.length === 0) return undefined;
  let gap = 12 - months[months.length - 1]! + months[0]!;
  for (let i = 1; i < months.length; i++) gap = Math.max(gap, months[i]! - months[i - 1]!);
  return gap * 31;
}

/** The months (1–12, sorted) a cron month field names: `*`, `1,7`, `JAN-MAR`, `*\/3`, `2/3`, `2-12/2`. */
function monthSet(field: string): number[] | undefined {
  const months = new Set<number>();
  const month = (s: string): number => (/^\d+$/.test(s) ? Number(s) : MONTHS.indexOf(s.toUpperCase()) + 1);
  for (const item of field.split(',')) {
    const m = /^(?:(\*)|([A-Za-z0-9]+)(?:-([A-Za-z0-9]+))?)(?:\/(\d+))?$/.exec(item);
    if (!m) return undefined;
    const from = m[1] ? 1 : month(m[2]!);
    // `a/n` runs from a to the end of the year; `a` alone, only in a.
    const to = m[1] ? 12 : m[3] ? month(m[3]) : m[4] ? 12 : from;
    const step = m[4] ? Number(m[4]) : 1;
    if (from < 1 || to > 12 || from > to || step < 1) return undefined;
    for (let i = from; i <= to; i += step) months.add(i);
  }
  return [...months].sort((a, b) => a - b);
}
