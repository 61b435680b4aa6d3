import type { ResourceGraph } from '../graph/graph.js';
import type { ResourceNode } from '../graph/resource.js';
import type { RdsInstance } from '../models/aws/rds.js';
import { targetsOf } from './join.js';
import type { Attr } from '../models/attr.js';
import { bool, firstWritten, num, read, str } from './read.js';
import { attributeSource, type PortOf } from './security-group-common.js';

/** How one IaC family spells the properties a replica's source is found and read by. */
export interface ReplicaProperties {
  /** Where a replica names its source: `replicate_source_db`, `SourceDBInstanceIdentifier`. */
  readonly replicaOf: string;
  /** Every property through which an instance takes its encryption from elsewhere. */
  readonly inherits: readonly string[];
  readonly identifier: string;
  readonly encrypted: string;
  readonly engine: string;
  /** The types of instance a replica's source may be. */
  readonly sourceTypes: readonly string[];
}

/**
 * For a read replica, the storage encryption of the instance it replicates when that instance is
 * in the sources (by reference or by its identifier) and sets its own: what the replica gets.
 */
export function sourceEncryption(graph: ResourceGraph, node: ResourceNode, p: ReplicaProperties): Pick<RdsInstance, 'sourceStorageEncrypted'> {
  const source = replicated(graph, node, p);
  // A source that itself inherits its encryption (a replica of a replica, a restored snapshot) is not followed.
  if (!source || firstWritten(source, p.inherits).origin !== 'default') return {};
  return { sourceStorageEncrypted: read(source, p.encrypted, bool, false) };
}

/** An instance's engine: a read replica that names none runs the engine of the instance it replicates. */
export function instanceEngine(graph: ResourceGraph, node: ResourceNode, p: ReplicaProperties): Attr<string> {
  const own = read(node, p.engine, str);
  if (own.value !== undefined || own.origin === 'explicit') return own;
  const source = replicated(graph, node, p);
  const inherited = source && read(source, p.engine, str);
  return inherited?.value !== undefined ? inherited : own;
}

/** The instance a read replica replicates, when it is in the sources (by reference or by its identifier). */
function replicated(graph: ResourceGraph, node: ResourceNode, p: ReplicaProperties): ResourceNode | undefined {
  const sources = targetsOf(graph, node, p.replicaOf, p.sourceTypes, p.identifier);
  return sources.length === 1 && sources[0] !== node ? sources[0] : undefined;
}

/**
 * A DB cluster's storage encryption, `property` when it is written. Aurora Serverless v1 clusters
 * are always encrypted, whatever `property` says ("you can't disable encryption", Aurora User
 * Guide, "Using Amazon Aurora Serverless v1"). Unwritten: every Aurora cluster created since 18
 * February 2026 is, with an AWS owned key unless given a KMS key (Aurora User Guide, "Encrypting
 * Amazon Aurora resources") — created empty, that is: one restored or replicated (`inherits`
 * written) keeps its source's. Multi-AZ DB clusters of RDS for MySQL and PostgreSQL are still
 * unencrypted unless asked. An engine not known before deployment leaves it unknown too.
 */
export function clusterStorageEncrypted(node: ResourceNode, property: string, engine: Attr<string>, engineMode: Attr<string>, inherits: Attr<string>): Attr<boolean> {
  const serverless = engineMode.value === 'serverless';
  const aurora = inherits.origin === 'default' && engine.value?.toLowerCase().startsWith('aurora');
  const own = read(node, property, bool, serverless || aurora === true);
  if (serverless) return own.value === false ? { ...own, value: true } : own;
  return own.origin === 'default' && engine.origin === 'unknown' ? { value: undefined, origin: 'unknown', at: engine.at } : own;
}

/** The port RDS gives an engine when none is set (CreateDBInstance `Port`). */
export function engineDefaultPort(engine: string): number | undefined {
  const e = engine.toLowerCase();
  if (/^(aurora-)?postgres/.test(e)) return 5432;
  if (/^(aurora|aurora-mysql|mysql|mariadb)$/.test(e)) return 3306;
  if (e.startsWith('oracle')) return 1521;
  if (e.startsWith('sqlserver')) return 1433;
  if (e.startsWith('db2')) return 50000;
  return undefined;
}

/** How one IaC family spells a database's port attribute, the properties it is read from, and the database types. */
export interface DatabasePortProperties {
  /** The attribute as a reference writes it, at the end of the value's shape: `Endpoint.Port`, `port`. */
  readonly attribute: string;
  readonly port: string;
  readonly engine: string;
  readonly types: readonly string[];
}

/**
 * A value that is a database's port attribute (`!GetAtt Db.Endpoint.Port`, what CDK's
 * `connections.allowDefaultPortFrom…` writes; `aws_db_instance.db.port`): the port the database
 * sets, else its engine's default.
 */
export function databasePortOf(graph: ResourceGraph, p: DatabasePortProperties): PortOf {
  return (value) => {
    const db = attributeSource(graph, value, p.attribute, p.types);
    if (!db) return undefined;
    const port = db.properties[p.port];
    if (port !== undefined && port !== null) return typeof port === 'number' || typeof port === 'string' ? num(port) : undefined;
    const engine = db.properties[p.engine];
    return typeof engine === 'string' ? engineDefaultPort(engine) : undefined;
  };
}
