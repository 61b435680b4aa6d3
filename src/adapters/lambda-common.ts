import type { ResourceNode, SchemaFamily } from '../graph/resource.js';
import { getPath, Unknown, type PropertyValue } from '../graph/values.js';
import type { Attr } from '../models/attr.js';
import type { LambdaFunction } from '../models/aws/lambda.js';
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
        { type: p.type, paths: [p.function], through: schema.qualifiers },
        { type: schema.url.type, paths: [schema.url.function], through: schema.qualifiers },
      ]);
      return joined.map(({ anchor, parent, children }): LambdaFunction => {
        // Without the function in the sources, the name its permission or URL writes.
        const name = parent ? getPath(parent.properties, schema.function.name) : childFunctionName(children, schema);
        return {
          resource: anchor,
          name: typeof name === 'string' ? name : anchor.address,
          declared: parent !== undefined,
          permissions: (children.get(p.type) ?? []).map((node) => ({
            node,
            // Both formats require Action and Principal; CloudFormation has no default for either.
            action: read(node, p.action, str),
            principal: read(node, p.principal, str),
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

function childFunctionName(children: ReadonlyMap<string, readonly ResourceNode[]>, schema: LambdaSchema): PropertyValue | undefined {
  const [permission] = children.get(schema.permission.type) ?? [];
  if (permission) return getPath(permission.properties, schema.permission.function);
  const [url] = children.get(schema.url.type) ?? [];
  return url ? getPath(url.properties, schema.url.function) : undefined;
}
