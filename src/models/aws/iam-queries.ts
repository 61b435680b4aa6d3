import type { PolicyCondition, PolicyPrincipal, PolicyStatement, PolicyString } from './iam.js';

/** Three-valued answers: `undefined` when the source does not tell before deployment. */
export type Maybe = boolean | undefined;

/**
 * Whether a policy string may be exactly `s` (`*`). An unknown value whose known shape has
 * literal text (`arn:${AWS::Partition}:s3:::${Bucket}/*`) is not; a bare reference may be.
 */
export function mayEqual(value: PolicyString, s: string): Maybe {
  if (typeof value === 'string') return value === s;
  return value.shape !== undefined && value.shape.replace(/\$\{[^}]*\}/g, '') !== '' ? false : undefined;
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
  'kms:viaservice',
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
      else if (/[*?]/.test(v.shape.replace(/\$\{[^}]*\}/g, ''))) return false;
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

/** A CIDR covering every address: `0.0.0.0/0`, `::/0`. */
export function isWorldCidr(cidr: string): boolean {
  return /\/0$/.test(cidr.trim());
}

/** Kleene or: true if any is true, unknown if none is but one is unknown. */
export function or(values: readonly Maybe[]): Maybe {
  if (values.includes(true)) return true;
  return values.includes(undefined) ? undefined : false;
}

/** A statement's label in messages: its `Sid`, else its position. */
export function statementLabel(s: PolicyStatement): string {
  return s.sid ?? `#${s.index + 1}`;
}
