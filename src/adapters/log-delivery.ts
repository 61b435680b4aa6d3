import type { ResourceGraph } from '../graph/graph.js';
import type { ResourceNode } from '../graph/resource.js';
import { getPath } from '../graph/values.js';
import type { Attr } from '../models/attr.js';
import { targetsOf } from './join.js';
import { defaulted, explicit } from './read.js';

/** CloudWatch Logs vended-log delivery resources of one schema: a delivery source and a delivery. */
export interface LogDeliverySchema {
  readonly source: string;
  readonly delivery: string;
  /** Source fields: the ARN of the resource whose logs it sends, the log type, its name. */
  readonly resourceArn: string;
  readonly logType: string;
  readonly name: string;
  /** The delivery's field naming its source. */
  readonly sourceName: string;
}

export const TERRAFORM_LOG_DELIVERY: LogDeliverySchema = {
  source: 'aws_cloudwatch_log_delivery_source',
  delivery: 'aws_cloudwatch_log_delivery',
  resourceArn: 'resource_arn',
  logType: 'log_type',
  name: 'name',
  sourceName: 'delivery_source_name',
};

export const CLOUDFORMATION_LOG_DELIVERY: LogDeliverySchema = {
  source: 'AWS::Logs::DeliverySource',
  delivery: 'AWS::Logs::Delivery',
  resourceArn: 'ResourceArn',
  logType: 'LogType',
  name: 'Name',
  sourceName: 'DeliverySourceName',
};

/**
 * Whether `resource`'s logs of `logType` are delivered through CloudWatch Logs vended-log
 * delivery: a delivery source referring to the resource, and a delivery from that source to a
 * destination. A source without a delivery sends nothing.
 */
export function logDeliveryOf(graph: ResourceGraph, resource: ResourceNode, logType: string, schema: LogDeliverySchema): Attr<boolean> {
  const sources = graph.referencing(resource, [schema.source], schema.resourceArn).filter((s) => getPath(s.properties, schema.logType) === logType);
  for (const source of sources) {
    const delivery = graph.ofType(schema.delivery).find((d) => targetsOf(graph, d, schema.sourceName, [schema.source], schema.name).includes(source));
    if (delivery) return explicit(delivery, schema.sourceName, true);
  }
  return defaulted(resource, '', false);
}
