import type { ResourceGraph } from '../graph/graph.js';
import type { ResourceNode } from '../graph/resource.js';
import type { SecurityBaseline } from '../models/aws/securityhub.js';
import { defaulted, explicit } from './read.js';

/** The resource types of one schema that show a unit manages the account's security services. */
export interface BaselineTypes {
  /** Account-level security services: trails, Config recorders, GuardDuty detectors, … */
  readonly services: readonly string[];
  /** Security Hub CSPM itself, or what cannot exist without it (a standards subscription). */
  readonly hub: readonly string[];
}

/**
 * Security Hub in either schema. A Pulumi program may mix AWS classic and AWS Native, so a unit's
 * trail may be read as Terraform and its hub as CloudFormation: the hub counts in both.
 */
export const SECURITY_HUB_TYPES: readonly string[] = ['aws_securityhub_account', 'aws_securityhub_standards_subscription', 'AWS::SecurityHub::Hub', 'AWS::SecurityHub::Standard'];

/**
 * One model per source unit that defines any account-level security service, saying whether the
 * same unit enables Security Hub. Anchored on the unit's first such service.
 */
export function securityBaselines(graph: ResourceGraph, types: BaselineTypes): SecurityBaseline[] {
  const byUnit = new Map<string, ResourceNode[]>();
  for (const node of graph.ofType(...types.services)) {
    if (node.mode !== 'managed') continue;
    const list = byUnit.get(node.unit);
    if (list) list.push(node);
    else byUnit.set(node.unit, [node]);
  }
  const hubs = graph.ofType(...types.hub).filter((n) => n.mode === 'managed');
  return [...byUnit].map(([unit, services]) => {
    const hub = hubs.find((h) => h.unit === unit);
    return { resource: services[0]!, services, securityHub: hub ? explicit(hub, '', true) : defaulted(services[0]!, '', false) };
  });
}
