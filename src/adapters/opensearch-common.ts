import { getPath, isMap, parseJsonShape, parseJsonText, Unknown, type PropertyValue } from '../graph/values.js';
import type { ResourceNode } from '../graph/resource.js';
import { bool, type Parse } from './read.js';

/** One log publishing option: the log type it names, and the option itself. */
export type LogOption = readonly [type: PropertyValue | undefined, option: PropertyValue | undefined];

/**
 * The log types of `options` that are published: an option counts unless its `enabledKey` says
 * false (or, where the format treats a missing flag as off, unless it says true). Given a
 * `destinationKey`, an option that names no log group there publishes nothing, whatever its flag
 * says. `undefined` when a type or a flag is not known before deployment, since any of them may be
 * the one asked about.
 */
export function publishedLogTypes(
  options: Iterable<LogOption>,
  enabledKey: string,
  enabledByDefault: boolean,
  destinationKey?: string,
): readonly string[] | undefined {
  const out: string[] = [];
  for (const [type, option] of options) {
    if (option instanceof Unknown || typeof type !== 'string') return undefined;
    const flag = isMap(option) ? option[enabledKey] : undefined;
    if (flag instanceof Unknown) return undefined;
    if ((flag === undefined || flag === null ? enabledByDefault : bool(flag)) !== true) continue;
    if (destinationKey !== undefined && !namesDestination(isMap(option) ? option[destinationKey] : undefined)) continue;
    out.push(type);
  }
  return out;
}

/** Whether a log group is given: a value not known before deployment (a `Ref`, a `Fn::GetAtt`) is one. */
function namesDestination(v: PropertyValue | undefined): boolean {
  return v instanceof Unknown || (typeof v === 'string' && v !== '');
}

/**
 * A domain's VPC subnets (`vpc_options[0].subnet_ids`, `VPCOptions.SubnetIds`): a domain given
 * subnets has its endpoint in the VPC. Subnets created alongside are unknown one by one, but that
 * there are some is known.
 */
export const hasSubnets: Parse<boolean> = (v) => (Array.isArray(v) ? v.length > 0 : typeof v === 'string' ? v !== '' : undefined);

/** The custom resource the CDK's opensearchservice `Domain` sets its access policy through (an `AwsCustomResource` calling UpdateDomainConfig). */
export const CDK_ACCESS_POLICY = 'Custom::OpenSearchAccessPolicy';

/**
 * What the CDK's access policy custom resource sends as the domain's access policy: the
 * `AccessPolicies` parameter of the UpdateDomainConfig request it writes as JSON text in `Update`
 * (`Create` on first deployment: the same), a `Fn::Join` around the domain's name and ARN.
 * `undefined` when the request is not that shape.
 */
export function cdkAccessPolicyRequest(node: ResourceNode): { readonly path: string; readonly value: PropertyValue | undefined } | undefined {
  for (const path of ['Update', 'Create']) {
    const written = getPath(node.properties, path);
    const request = typeof written === 'string' ? parseJsonText(written) : written instanceof Unknown ? parseJsonShape(written) : written;
    if (isMap(request) && getPath(request, 'action') === 'updateDomainConfig') return { path, value: getPath(request, 'parameters.AccessPolicies') };
  }
  return undefined;
}
