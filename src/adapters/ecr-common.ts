import type { ResourceNode } from '../graph/resource.js';
import { asList, getPath, isMap, joinPath } from '../graph/values.js';
import type { Attr } from '../models/attr.js';
import { or } from '../models/aws/iam-queries.js';
import { matchesByLine } from '../models/wildcard.js';
import { defaulted, explicit } from './read.js';

/** Where a registry scanning configuration keeps its rules, in one schema family's spelling. */
export interface ScanningSchema {
  readonly rules: string;
  readonly frequency: string;
  readonly filters: string;
  readonly filter: string;
}

export const TERRAFORM_SCANNING: ScanningSchema = { rules: 'rule', frequency: 'scan_frequency', filters: 'repository_filter', filter: 'filter' };
export const CLOUDFORMATION_SCANNING: ScanningSchema = { rules: 'Rules', frequency: 'ScanFrequency', filters: 'RepositoryFilters', filter: 'Filter' };

/** Frequencies that scan an image when it is pushed (continuous scanning starts with a scan on push). */
const ON_PUSH = new Set(['SCAN_ON_PUSH', 'CONTINUOUS_SCAN']);

/**
 * Whether the registry's scanning rules scan the repository named `name` on push: true at the rule
 * that does, false when there are rules and none does, unknown when a rule or the name is not known.
 * Without a registry scanning configuration in the sources, `false` by default (manual scans only).
 */
export function registryScanOnPush(repository: ResourceNode, name: string | undefined, configs: readonly ResourceNode[], schema: ScanningSchema): Attr<boolean> {
  if (configs.length === 0) return defaulted(repository, '', false);
  let unknownAt: ResourceNode | undefined;
  for (const config of configs) {
    const rules = getPath(config.properties, schema.rules);
    for (const [i, rule] of asList(rules).entries()) {
      const path = joinPath(schema.rules, i);
      if (!isMap(rule)) {
        unknownAt ??= config;
        continue;
      }
      const frequency = rule[schema.frequency];
      const onPush = typeof frequency === 'string' ? ON_PUSH.has(frequency) : undefined;
      if (onPush === false) continue;
      const covers = or(asList(rule[schema.filters]).map((f) => (isMap(f) ? matches(f[schema.filter], name) : undefined)));
      if (covers === true && onPush === true) return explicit(config, path, true);
      if (covers !== false) unknownAt ??= config;
    }
  }
  return unknownAt ? { value: undefined, origin: 'unknown', at: { node: unknownAt, path: schema.rules } } : explicit(configs[0]!, schema.rules, false);
}

/**
 * ECR's repository filters: with a wildcard, `*` stands for any characters and the whole name must
 * match; without one, a name containing the filter matches.
 */
function matches(filter: unknown, name: string | undefined): boolean | undefined {
  if (typeof filter !== 'string') return undefined;
  if (filter === '*') return true;
  if (name === undefined) return undefined;
  if (!filter.includes('*')) return name.includes(filter);
  // Not as a regular expression: a filter of many `*` backtracks for ever on a long name.
  return matchesByLine(filter, name, false);
}
