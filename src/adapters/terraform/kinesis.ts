import type { KinesisStream } from '../../models/aws/kinesis.js';
import { defineAdapter } from '../adapter.js';
import { read, str } from '../read.js';

/** `aws_kinesis_stream`: `encryption_type` defaults to `NONE`. */
export const terraformKinesisStreams = defineAdapter({
  kind: 'aws.kinesis.Stream',
  family: 'terraform',
  adapt(graph) {
    return graph.ofType('aws_kinesis_stream').map(
      (node): KinesisStream => ({
        resource: node,
        name: read(node, 'name', str),
        encryptionType: read(node, 'encryption_type', str, 'NONE'),
        kmsKeyId: read(node, 'kms_key_id', str),
      }),
    );
  },
});
