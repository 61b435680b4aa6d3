import type { ResourceNode } from '../../graph/resource.js';
import { getPath } from '../../graph/values.js';
import type { Attr } from '../../models/attr.js';
import type { ConfigRecorder } from '../../models/aws/config.js';
import { defineAdapter } from '../adapter.js';
import { ALL_SUPPORTED } from '../config-common.js';
import { bool, defaulted, mapValue, read, str } from '../read.js';

const GROUP = 'RecordingGroup';

/**
 * `AWS::Config::ConfigurationRecorder`. CloudFormation starts the recorder as soon as the delivery
 * channel exists; without `RecordingGroup`, AWS Config records every supported resource type.
 */
export const cloudFormationConfigRecorders = defineAdapter({
  kind: 'aws.config.Recorder',
  family: 'cloudformation',
  adapt(graph) {
    return graph.ofType('AWS::Config::ConfigurationRecorder').map((node): ConfigRecorder => ({
      resource: node,
      name: read(node, 'Name', str),
      recordsAllSupported: recordsAll(node),
      enabled: defaulted(node, '', true),
      declared: true,
    }));
  },
});

function recordsAll(node: ResourceNode): Attr<boolean> {
  const strategy = read(node, `${GROUP}.RecordingStrategy.UseOnly`, str);
  if (strategy.origin !== 'default') return mapValue(strategy, (v) => v === ALL_SUPPORTED);
  // A recording group that lists resource types records those only, unless AllSupported says otherwise.
  const listsTypes = getPath(node.properties, `${GROUP}.ResourceTypes`) !== undefined;
  return read(node, `${GROUP}.AllSupported`, bool, !listsTypes);
}
