import type { ResourceGraph } from '../graph/graph.js';
import type { ResourceNode } from '../graph/resource.js';
import { asList, getPath, isMap, parseJsonText, Unknown, type PropertyMap, type PropertyValue } from '../graph/values.js';
import type { PolicyDocument } from '../models/aws/iam.js';
import { readEmbeddedPolicyDocument } from './iam-document.js';
import type { GovernedLink } from './policy-documents.js';

/** What an event bus's ARN writes before its name: `arn:aws:events:us-east-1:111122223333:event-bus/`. */
const BUS_ARN_PREFIX = /^arn:[^:]+:events:[^:]*:[^:]*:event-bus\//;

/**
 * How a separate event bus policy names its bus: by reference, name or ARN in `path`, and when it
 * names none, `default`, the bus EventBridge takes.
 */
export function eventBusLink(path: string, busType: string, nameProperty: string): GovernedLink {
  return { path, types: [busType], nameProperty, nameOf: (written) => written.replace(BUS_ARN_PREFIX, ''), unnamed: 'default' };
}

/** Where an event bus permission writes the parts of its one statement as properties of their own. */
export interface PermissionFields {
  readonly statementId: string;
  readonly principal: string;
  readonly action: string;
  /** A map (or a one-element block list) of `type`, `key` and `value`, as PutPermission takes it. */
  readonly condition: string;
  readonly conditionParts: { readonly type: string; readonly key: string; readonly value: string };
}

/** The only action an event bus permission can grant, and the one it grants when none is written. */
const PUT_EVENTS = 'events:PutEvents';

/**
 * An event bus permission written as separate properties (`AWS::Events::EventBusPolicy` without
 * `Statement`, `aws_cloudwatch_event_permission`), read as the one-statement resource policy
 * EventBridge makes of it, so the shared queries weigh its principal and condition. Findings point
 * at the principal, the property to change.
 */
export function eventBusPermissionDocument(graph: ResourceGraph, node: ResourceNode, fields: PermissionFields): PolicyDocument {
  const statement: PropertyMap = { Effect: 'Allow', Action: getPath(node.properties, fields.action) ?? PUT_EVENTS };
  const principal = getPath(node.properties, fields.principal);
  if (principal !== undefined && principal !== null) statement['Principal'] = principal;
  const condition = asList(getPath(node.properties, fields.condition))[0];
  if (condition !== undefined && condition !== null) statement['Condition'] = policyCondition(condition, fields.conditionParts);
  return statementDocument(graph, node, fields.principal, statement, fields.statementId);
}

/**
 * `AWS::Events::EventBusPolicy.Statement`: one statement, not a list, as an object or JSON text.
 * Findings point at the property.
 */
export function eventBusStatementDocument(graph: ResourceGraph, node: ResourceNode, path: string, statementId: string): PolicyDocument {
  const written = getPath(node.properties, path);
  const statement = typeof written === 'string' ? (parseJsonText(written) ?? written) : written;
  return statementDocument(graph, node, path, statement ?? null, statementId);
}

function statementDocument(graph: ResourceGraph, node: ResourceNode, path: string, statement: PropertyValue, statementIdPath: string): PolicyDocument {
  // EventBridge names the statement by the resource's statement ID: messages call it that.
  const statementId = getPath(node.properties, statementIdPath);
  const named = isMap(statement) && statement['Sid'] === undefined && typeof statementId === 'string' ? { ...statement, Sid: statementId } : statement;
  const doc = readEmbeddedPolicyDocument(graph, node, path, { Statement: named }, 'resource');
  // The statement is not under a `Statement` key of `path`: point at `path` itself.
  const statements = doc.statements?.map((s) => ({ ...s, at: { ...s.at, path } }));
  return { ...doc, statements, governs: 'eventbridge-bus' };
}

/** `{type: StringEquals, key: aws:PrincipalOrgID, value: o-…}` → `{StringEquals: {"aws:PrincipalOrgID": "o-…"}}`. */
function policyCondition(condition: PropertyValue, parts: PermissionFields['conditionParts']): PropertyValue {
  if (!isMap(condition)) return new Unknown();
  const type = condition[parts.type];
  const key = condition[parts.key];
  const value = condition[parts.value];
  // An operator or key known only at deployment may be anything: the whole condition is unknown.
  if (typeof type !== 'string' || typeof key !== 'string' || value === undefined) return new Unknown();
  return { [type]: { [key]: value } };
}
