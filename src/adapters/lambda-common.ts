import type { ResourceNode, SchemaFamily } from '../graph/resource.js';
import { getPath, Unknown, type PropertyValue } from '../graph/values.js';
import type { Attr } from '../models/attr.js';
import { isOwnAccount } from '../models/aws/iam-queries.js';
import type { LambdaFunction, LambdaGrant, LambdaLayer } from '../models/aws/lambda.js';
import { defineAdapter, type Adapter } from './adapter.js';
import { joinChildren, type StandIn } from './join.js';
import { bool, read, str } from './read.js';

/** Property names of a format's function, permission and function URL resources. */
export interface LambdaSchema {
  readonly function: { readonly type: string; readonly name: string };
  readonly permission: {
    readonly type: string;
    /** Where the permission names its function (a name, an ARN or a reference). */
    readonly function: string;
    readonly action: string;
    readonly principal: string;
    readonly sourceArn: string;
    readonly sourceAccount: string;
    readonly principalOrgId: string;
    readonly functionUrlAuthType: string;
    readonly invokedViaFunctionUrl: string;
  };
  readonly url: { readonly type: string; readonly function: string; readonly authType: string };
  /** Aliases and versions: a permission or URL naming one is its function's, for that qualifier. */
  readonly qualifiers: readonly StandIn[];
}

/** Functions with their permissions and function URLs, joined from the separate resources. */
export function lambdaFunctionAdapter(family: SchemaFamily, schema: LambdaSchema): Adapter<'aws.lambda.Function'> {
  const p = schema.permission;
  return defineAdapter({
    kind: 'aws.lambda.Function',
    family,
    adapt(graph) {
      const joined = joinChildren(graph, [schema.function.type], schema.function.name, [
        { type: p.type, paths: [p.function], through: schema.qualifiers, nameOf: lambdaFunctionName },
        { type: schema.url.type, paths: [schema.url.function], through: schema.qualifiers, nameOf: lambdaFunctionName },
      ]);
      return joined.map(({ anchor, parent, children }): LambdaFunction => {
        // Without the function in the sources, the name its permission or URL writes.
        const name = parent ? getPath(parent.properties, schema.function.name) : childFunctionName(children, schema);
        return {
          resource: anchor,
          name: typeof name === 'string' ? name : anchor.address,
          declared: parent !== undefined,
          permissions: (children.get(p.type) ?? []).map((node) => ({
            ...grantOf(node, p),
            sourceArn: read(node, p.sourceArn, str),
            sourceArnAccount: arnAccount(node, p.sourceArn),
            sourceAccount: read(node, p.sourceAccount, str),
            principalOrgId: read(node, p.principalOrgId, str),
            functionUrlAuthType: read(node, p.functionUrlAuthType, str),
            invokedViaFunctionUrl: read(node, p.invokedViaFunctionUrl, bool, false),
          })),
          urls: (children.get(schema.url.type) ?? []).map((node) => ({ node, authType: read(node, schema.url.authType, str) })),
        };
      });
    },
  });
}

/** Property names of a format's layer version and layer version permission resources. */
export interface LambdaLayerSchema {
  readonly layer: { readonly type: string; readonly name: string };
  readonly permission: {
    readonly type: string;
    /** Where the permission names its layer (a name, an ARN or a reference). */
    readonly layer: string;
    readonly action: string;
    readonly principal: string;
    readonly organizationId: string;
  };
}

/** Layer versions with the permissions that share them, joined from the separate resources. */
export function lambdaLayerAdapter(family: SchemaFamily, schema: LambdaLayerSchema): Adapter<'aws.lambda.LayerVersion'> {
  const p = schema.permission;
  return defineAdapter({
    kind: 'aws.lambda.LayerVersion',
    family,
    adapt(graph) {
      const joined = joinChildren(graph, [schema.layer.type], schema.layer.name, [{ type: p.type, paths: [p.layer], nameOf: lambdaLayerName }]);
      return joined.map(({ anchor, parent, children }): LambdaLayer => {
        const permissions = children.get(p.type) ?? [];
        const name = getPath((parent ?? permissions[0] ?? anchor).properties, parent ? schema.layer.name : p.layer);
        return {
          resource: anchor,
          name: typeof name === 'string' ? lambdaLayerName(name) : anchor.address,
          permissions: permissions.map((node) => ({
            ...grantOf(node, p),
            organizationId: read(node, p.organizationId, str),
          })),
        };
      });
    },
  });
}

/** What a permission statement grants to whom. Both formats require Action and Principal; CloudFormation has no default for either. */
function grantOf(node: ResourceNode, paths: { readonly action: string; readonly principal: string }): LambdaGrant {
  const principal = getPath(node.properties, paths.principal);
  return {
    node,
    action: read(node, paths.action, str),
    principal: read(node, paths.principal, str),
    principalIsOwnAccount: principal instanceof Unknown && isOwnAccount(principal),
  };
}

/** Where an unknown part of a value's shape was: a placeholder such as `${AWS::AccountId}` holds colons of its own. */
const FILLED_IN = '\u0000';

/**
 * The account ID field of the ARN at `path`, from its text or the known shape of a value only
 * known at deployment (`arn:${AWS::Partition}:s3:::${Bucket}` has an empty one). A value that is
 * not an ARN but a pattern (`*`) matches any account; one whose account field a reference fills
 * in, or whose shape does not show it, is unknown.
 */
function arnAccount(node: ResourceNode, path: string): Attr<string> {
  const arn = read(node, path, str);
  if (arn.origin === 'default') return arn;
  const v = getPath(node.properties, path);
  const text = typeof v === 'string' ? v : v instanceof Unknown ? v.shape?.replace(/\$\{[^{}]*\}/g, FILLED_IN) : undefined;
  const field = text === undefined ? undefined : /^arn:[^:]*:[^:]*:[^:]*:([^:]*):/.exec(text)?.[1];
  const account = field ?? (text !== undefined && !text.includes(FILLED_IN) && /[*?]/.test(text) ? '*' : undefined);
  if (account === undefined || account.includes(FILLED_IN)) return { ...arn, value: undefined, origin: 'unknown' };
  return { ...arn, value: account, origin: arn.origin === 'unknown' ? 'explicit' : arn.origin };
}

/**
 * The function's name in what a permission or function URL writes for it, in each of the forms
 * Lambda accepts: the name, the function's ARN (`arn:aws:lambda:us-east-1:123456789012:function:api`),
 * a partial ARN (`123456789012:function:api`), each optionally with a version or alias after a
 * colon (`api:live`). Colons inside a `${…}` placeholder of a template's shape are not separators.
 * A value of none of these forms is returned as written.
 */
export function lambdaFunctionName(written: string): string {
  const fields = colonFields(written);
  if (fields[0] === 'arn') return fields[2] === 'lambda' && fields[5] === 'function' && fields.length >= 7 ? fields[6]! : written;
  let i = 0;
  const more = (): boolean => i < fields.length - 1;
  if (more() && REGION.test(fields[i]!)) i++;
  if (more() && (ACCOUNT.test(fields[i]!) || fields[i] === '${AWS::AccountId}')) i++;
  if (more() && fields[i] === 'function') i++;
  return fields[i]!;
}

/**
 * The layer's name in what a layer version permission writes for it: the name, or the layer's ARN
 * with or without its version (`arn:aws:lambda:us-east-1:123456789012:layer:shared:3`). A value of
 * neither form is returned as written.
 */
export function lambdaLayerName(written: string): string {
  const fields = colonFields(written);
  return fields[0] === 'arn' && fields[2] === 'lambda' && fields[5] === 'layer' && fields.length >= 7 ? fields[6]! : written;
}

const REGION = /^[a-z]{2}(?:-gov)?-[a-z]+-\d$/;
const ACCOUNT = /^\d{12}$/;

/** `written` split at its colons, leaving those inside `${…}` (at most one level deep, as a shape writes them). */
function colonFields(written: string): string[] {
  const fields: string[] = [];
  let start = 0;
  let inPlaceholder = false;
  for (let i = 0; i < written.length; i++) {
    const c = written[i];
    if (c === '$' && written[i + 1] === '{') inPlaceholder = true;
    else if (c === '}') inPlaceholder = false;
    else if (c === ':' && !inPlaceholder) {
      fields.push(written.slice(start, i));
      start = i + 1;
    }
  }
  fields.push(written.slice(start));
  return fields;
}

function childFunctionName(children: ReadonlyMap<string, readonly ResourceNode[]>, schema: LambdaSchema): PropertyValue | undefined {
  const [permission] = children.get(schema.permission.type) ?? [];
  if (permission) return getPath(permission.properties, schema.permission.function);
  const [url] = children.get(schema.url.type) ?? [];
  return url ? getPath(url.properties, schema.url.function) : undefined;
}
