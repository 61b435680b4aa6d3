import type { ResourceNode } from '../graph/resource.js';
import { asList, getPath, isMap, isSecret, isUnknown, joinPath, Unknown, type PropertyValue } from '../graph/values.js';
import type { EksCluster } from '../models/aws/eks.js';
import { defaulted, explicit, read, str, unknownAt } from './read.js';

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

/**
 * A cluster's encryption configuration: the list (or Terraform block) at `configPath` and the key
 * at `keyPath` inside its first entry (EKS takes one). No configuration is the default, an AWS
 * owned key; a configuration or entry that is itself unknown (a condition, a dynamic block) leaves
 * both fields unknown, since it may hold no key at all.
 */
export function encryption(node: ResourceNode, configPath: string, keyPath: string): Pick<EksCluster, 'encryptionConfigured' | 'encryptionKey'> {
  const config = getPath(node.properties, configPath);
  const first = config === undefined || config === null || isUnknown(config) || isSecret(config) ? config : asList(config)[0];
  const keyAt = `${joinPath(configPath, 0)}.${keyPath}`;
  if (isUnknown(first) || isSecret(first)) {
    return { encryptionConfigured: unknownAt({ node, path: configPath }), encryptionKey: unknownAt({ node, path: configPath }) };
  }
  if (first === undefined || first === null) return { encryptionConfigured: defaulted(node, configPath, false), encryptionKey: defaulted<string>(node, keyAt, undefined) };
  return { encryptionConfigured: explicit(node, configPath, true), encryptionKey: read(node, keyAt, str) };
}
