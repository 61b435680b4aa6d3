import { asList, isMap, Unknown, type PropertyValue } from '../graph/values.js';

/**
 * What EKS does when the endpoint settings are not written (the API, CloudFormation and the
 * Terraform provider agree): a public endpoint open to every IPv4 address, no private endpoint.
 */
export const EKS_DEFAULTS = {
  endpointPublicAccess: true,
  endpointPrivateAccess: false,
  publicAccessCidrs: ['0.0.0.0/0'] as readonly string[],
} as const;

/**
 * Enabled log types from the EKS API's `logging.clusterLogging` shape (`[{enabled, types}]`), as
 * the CDK's cluster custom resource passes it; `undefined` when part is unknown.
 */
export function apiLogTypes(v: PropertyValue): readonly string[] | undefined {
  const out: string[] = [];
  for (const entry of asList(v)) {
    if (!isMap(entry) || entry['enabled'] instanceof Unknown || entry['types'] instanceof Unknown) return undefined;
    if (entry['enabled'] === false || entry['enabled'] === 'false') continue;
    for (const t of asList(entry['types'])) {
      if (typeof t !== 'string') return undefined;
      out.push(t);
    }
  }
  return out;
}

/** CloudFormation's `Logging.ClusterLogging.EnabledTypes` (`[{Type}]`); `undefined` when part is unknown. */
export function cloudFormationLogTypes(v: PropertyValue): readonly string[] | undefined {
  const types = asList(v).map((e) => (isMap(e) ? e['Type'] : undefined));
  return types.every((t) => typeof t === 'string') ? (types as string[]) : undefined;
}
