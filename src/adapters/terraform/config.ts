import type { ConfigRecorder } from '../../models/aws/config.js';
import { defineAdapter } from '../adapter.js';
import { ALL_SUPPORTED } from '../config-common.js';
import { joinChildren } from '../join.js';
import { bool, defaulted, mapValue, read, str } from '../read.js';

const RECORDER = ['aws_config_configuration_recorder'];
const STATUS = 'aws_config_configuration_recorder_status';
const GROUP = 'recording_group[0]';

/**
 * `aws_config_configuration_recorder` with its `aws_config_configuration_recorder_status`. The
 * recorder resource alone does not start recording: without a status resource it stays stopped.
 */
export const terraformConfigRecorders = defineAdapter({
  kind: 'aws.config.Recorder',
  family: 'terraform',
  adapt(graph) {
    return joinChildren(graph, RECORDER, 'name', [{ type: STATUS, paths: ['name'] }]).map(({ anchor, parent, children }): ConfigRecorder => {
      const status = children.get(STATUS)?.[0];
      const strategy = parent ? read(parent, `${GROUP}.recording_strategy[0].use_only`, str) : undefined;
      return {
        resource: anchor,
        name: read(anchor, 'name', str),
        recordsAllSupported: !parent
          ? { value: undefined, origin: 'unknown', at: { node: anchor, path: '' } }
          : strategy && strategy.origin !== 'default'
            ? mapValue(strategy, (v) => v === ALL_SUPPORTED)
            : read(parent, `${GROUP}.all_supported`, bool, true),
        enabled: status ? read(status, 'is_enabled', bool) : defaulted(anchor, '', false),
        declared: parent !== undefined,
      };
    });
  },
});
