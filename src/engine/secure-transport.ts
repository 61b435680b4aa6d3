import type { PolicyDocument } from '../models/aws/iam.js';
import { statementLabel, transportStanding, type Maybe, type NamedArnResource, type TransportDenial } from '../models/aws/iam-queries.js';
import type { Model } from '../models/attr.js';
import type { CheckContext, MessageData, Verdict } from './policy.js';

/** The messages of a check that a topic's or queue's policy refuses plain HTTP; `narrowed` and `notCovered` also get `{{statement}}`. */
export type TransportMessage = 'noPolicy' | 'noDeny' | 'narrowed' | 'notCovered' | 'encryptedOnly';

/**
 * The check of an SNS topic's or SQS queue's policy for a Deny over plain HTTP. Where the service
 * already refuses plain HTTP because the resource is encrypted (SNS and SQS require HTTPS for every
 * request to a topic or queue with server-side encryption), the missing Deny is a note (`info`,
 * `encryptedOnly`): it keeps HTTP refused if encryption is ever turned off.
 */
export function checkTransportDenial(
  model: Model & { readonly policies: readonly PolicyDocument[] },
  spec: TransportDenial,
  self: NamedArnResource,
  encrypted: Maybe,
  ctx: CheckContext<TransportMessage>,
  data: MessageData,
): Verdict<TransportMessage> {
  const standing = transportStanding(model.policies, spec, self);
  if (standing.kind === 'denied') return ctx.pass();
  if (standing.kind === 'undecided') return ctx.unknown(standing.at);
  const at = 'at' in standing ? standing.at : { node: model.resource, path: '' };
  if (encrypted === true) return ctx.fail('encryptedOnly', at, data, 'info');
  if (standing.kind === 'narrowed' || standing.kind === 'notCovered') return ctx.fail(standing.kind, at, { ...data, statement: statementLabel(standing.statement) });
  return ctx.fail(standing.kind, at, data);
}
