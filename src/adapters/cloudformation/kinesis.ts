import type { KinesisStream } from '../../models/aws/kinesis.js';
import { defineAdapter } from '../adapter.js';
import { read, str } from '../read.js';

/** `AWS::Kinesis::Stream`: no server-side encryption without `StreamEncryption`. */
export const cloudFormationKinesisStreams = defineAdapter({
  kind: 'aws.kinesis.Stream',
  family: 'cloudformation',
  adapt(graph) {
    return graph.ofType('AWS::Kinesis::Stream').map(
      (node): KinesisStream => ({
        resource: node,
        name: read(node, 'Name', str),
        encryptionType: read(node, 'StreamEncryption.EncryptionType', str, 'NONE'),
        kmsKeyId: read(node, 'StreamEncryption.KeyId', str),
      }),
    );
  },
});
