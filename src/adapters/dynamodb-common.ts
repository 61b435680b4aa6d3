import type { Attr } from '../models/attr.js';
import type { DynamoDbKey } from '../models/aws/dynamodb.js';

/**
 * The table's key from its two settings, in both schema families: KMS off (or unset) means the AWS
 * owned key; on, the key given, or the AWS managed `aws/dynamodb` key when none is. The field points at
 * the key where one is written, else at the switch.
 */
export function dynamoDbKey(kmsEnabled: Attr<boolean>, key: Attr<string>): Attr<DynamoDbKey> {
  if (kmsEnabled.origin === 'unknown') return { value: undefined, origin: 'unknown', at: kmsEnabled.at };
  if (kmsEnabled.value !== true) return { value: 'aws-owned', origin: kmsEnabled.origin, at: kmsEnabled.at };
  if (key.origin === 'default' || (key.origin === 'explicit' && (key.value === '' || key.value === 'alias/aws/dynamodb'))) {
    return { value: 'aws-managed', origin: kmsEnabled.origin, at: kmsEnabled.at };
  }
  // A written key, even one known only after deployment, is a key of the account's own.
  return { value: 'customer-managed', origin: 'explicit', at: key.at };
}
