import type { Attr, Model } from '../attr.js';

/**
 * The key DynamoDB encrypts a table with. Every table is encrypted at rest; the choice is whose key:
 * `aws-owned` (the default, invisible to the account), `aws-managed` (`aws/dynamodb` in the account's
 * KMS) or `customer-managed`.
 */
export type DynamoDbKey = 'aws-owned' | 'aws-managed' | 'customer-managed';

/**
 * Where a replica of a global table is: a Region written in the code; the Region the stack is
 * deployed to (`Ref AWS::Region`, which CDK's `TableV2` writes in a stack bound to no Region); or,
 * when the Region is otherwise decided only at deployment, its place in the list (1 for the first).
 */
export type DynamoDbReplica = { readonly region: string } | { readonly stackRegion: true } | { readonly position: number };

/** Point-in-time recovery of one copy of a table: the table itself, or one replica of a global table. */
export interface DynamoDbPitr {
  /** `undefined` for the table itself. */
  readonly replica: DynamoDbReplica | undefined;
  readonly enabled: Attr<boolean>;
}

/** A DynamoDB table (`aws_dynamodb_table`, `AWS::DynamoDB::Table`, `AWS::DynamoDB::GlobalTable`). */
export interface DynamoDbTable extends Model {
  readonly name: Attr<string>;
  readonly encryptionKey: Attr<DynamoDbKey>;
  /** The table's own setting first (absent for `AWS::DynamoDB::GlobalTable`, which has only replicas), then each replica's. */
  readonly pointInTimeRecovery: readonly DynamoDbPitr[];
}
