import type { ResourceNode } from '../graph/resource.js';
import { asList, getPath, isMap, joinPath, Unknown } from '../graph/values.js';
import type { SharedWith } from '../models/aws/sharing.js';
import { read, str, strList, unknownAt, writtenText } from './read.js';

/** Where an Image Builder distribution configuration keeps its launch permissions, in one schema family's spelling. */
export interface DistributionSchema {
  readonly distributions: string;
  /** From one distribution to its launch permission's user groups. */
  readonly userGroups: string;
  readonly region: string;
}

export const TERRAFORM_DISTRIBUTION: DistributionSchema = {
  distributions: 'distribution',
  userGroups: 'ami_distribution_configuration[0].launch_permission[0].user_groups',
  region: 'region',
};

export const CLOUDFORMATION_DISTRIBUTION: DistributionSchema = {
  distributions: 'Distributions',
  userGroups: 'AmiDistributionConfiguration.LaunchPermissionConfiguration.UserGroups',
  region: 'Region',
};

/**
 * The launch permission user groups of each distribution (one per Region). A list of distributions
 * not known before deployment (a dynamic block, a condition) is one unknown entry.
 */
export function distributionGrantees(node: ResourceNode, schema: DistributionSchema): SharedWith[] {
  const list = getPath(node.properties, schema.distributions);
  if (list instanceof Unknown) return [{ accounts: unknownAt({ node, path: schema.distributions }) }];
  return asList(list).map((d, i) => {
    const path = joinPath(schema.distributions, i);
    if (!isMap(d)) return { accounts: unknownAt({ node, path }) };
    const region = read(node, `${path}.${schema.region}`, str).value;
    return { accounts: read(node, `${path}.${schema.userGroups}`, strList), ...(region !== undefined && { region }) };
  });
}

/** The image or snapshot a share names, for messages: the text at `path`, or the expression it is written as, else the resource. */
export const shareLabel = (node: ResourceNode, path: string): string => writtenText(node, path) ?? node.address;
