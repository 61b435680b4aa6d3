import { splitPath, type PropertyMap } from './values.js';

/** The input formats sekisho reads. */
export type SourceFormat = 'terraform-plan' | 'terraform-state' | 'terraform-hcl' | 'cloudformation' | 'cdk' | 'pulumi-state' | 'pulumi-preview' | 'pulumi-policy';

/**
 * The provider schema a resource is written in. The Terraform family covers HCL, plan JSON and
 * Pulumi AWS classic; the CloudFormation family covers templates, CDK and Pulumi AWS Native.
 */
export type SchemaFamily = 'terraform' | 'cloudformation';

/**
 * What a plan or preview does to a resource; absent for templates (always "as written"). `delete`d
 * resources are not checked (nothing will be left of them), but what deleting them undoes is: see
 * `ResourceGraph.deleted`.
 */
export type PlannedAction = 'create' | 'update' | 'replace' | 'no-op' | 'read' | 'delete';

export interface SourceLocation {
  /** Path as shown to users: relative to the working directory, `/` separators. */
  readonly file: string;
  /** 1-based line of the resource's declaration, when the source has lines. */
  readonly line?: number;
  readonly endLine?: number;
  /**
   * CDK construct path (`/Stack/Bucket/Resource`) when the resource came from a CDK app; for a
   * Pulumi resource inside components, the names along its parent chain (`/site/site-bucket`).
   */
  readonly constructPath?: string;
  /**
   * The plan or state the resource was read from, when `file` and `line` point at the `.tf`
   * source beside it instead (a plan scanned with its source).
   */
  readonly plan?: { readonly file: string; readonly line?: number };
  /**
   * For a resource inside a module that `terraform init` installed (a registry or Git source, under
   * `.terraform/modules`), the call in the scanned code that leads to it: the code its author can
   * change, where `file` and `line` name a copy of somebody else's module.
   */
  readonly call?: { readonly file: string; readonly line?: number };
}

export interface ResourceNode {
  /** Unique within one scan: the source unit and the address. */
  readonly id: string;
  /**
   * What users see and what findings name: a Terraform address with module path and index key
   * (`module.a.aws_s3_bucket.b["x"]`), a CloudFormation logical ID (`Stack/LogicalId` inside a CDK
   * assembly), a Pulumi URN.
   */
  readonly address: string;
  /** The native type: `aws_s3_bucket`, `AWS::S3::Bucket`. */
  readonly type: string;
  readonly family: SchemaFamily;
  readonly format: SourceFormat;
  /** Terraform data sources are nodes too (an `aws_iam_policy_document` feeds a bucket policy). */
  readonly mode: 'managed' | 'data';
  /** The resource's arguments after everything knowable was resolved. */
  readonly properties: PropertyMap;
  readonly action?: PlannedAction;
  readonly source: SourceLocation;
  /** Line of a property path inside the resource, where the source has lines for it. */
  readonly propertyLines?: PropertyLines;
  /**
   * The file a top-level property is written in, by its name, where that is not `source.file`: an
   * argument or block type a Terraform override file (`override.tf`) set. Its lines are that file's.
   */
  readonly propertyFiles?: ReadonlyMap<string, string>;
  /**
   * The top-level properties the author wrote. For plan JSON this comes from `configuration`;
   * a property the provider computes (S3 `logging` in AWS provider v4+) is not in it.
   */
  readonly written?: ReadonlySet<string>;
  /**
   * The properties written as literal values (no reference or variable; a function of literals such
   * as `jsonencode([...])` counts): a password typed into the code. Top-level arguments by name,
   * arguments inside nested blocks by path (`environment[0].variables`), and in `.tf` source and
   * Pulumi exports and previews the constant entries of a map that also holds references, secrets
   * or unknowns (`environment[0].variables.API_TOKEN`).
   * Where the source cannot tell, absent.
   */
  readonly literals?: ReadonlySet<string>;
  /**
   * Where a literal is written when that is not at the property itself (`.tf` source): the local,
   * the variable's default, the variables file or the module call's argument it came through, or
   * the file `file()` read. By path, as in `literals`.
   */
  readonly literalOrigins?: ReadonlyMap<string, LiteralOrigin>;
  /** Accepted exceptions written with the resource (a comment above a Terraform block, CloudFormation `Metadata`). */
  readonly suppressions?: readonly Suppression[];
  /** The source unit (a plan, a template, a CDK stack) the node belongs to. */
  readonly unit: string;
  /**
   * The major version of the provider that will plan the resource, where `.tf` source pins it
   * (`.terraform.lock.hcl`, or `required_providers` allowing one major version): a default that
   * changed between major versions is decided by it. Plans and states hold what the provider
   * applied instead.
   */
  readonly providerMajorVersion?: number;
  /** CloudFormation `Metadata`, kept for suppressions and construct paths. */
  readonly metadata?: PropertyMap;
  /**
   * The transforms that insert properties into the resource when CloudFormation deploys it (an
   * `Fn::Transform` of `AWS::Include` among its `Properties`), by name; empty when the name is known
   * only then. A top-level property not written may come from them: it is not known, not absent.
   */
  readonly insertedBy?: readonly string[];
  /**
   * The module calls of the `.tf` configuration that `terraform init` has not installed, by the
   * address an unknown value taken from one's outputs names in its shape (`${module.vpc.vpc_id}`,
   * `${module.app.module.vpc[0].vpc_id}`), with their source as a message may show it: a finding
   * undecided only for want of such a module says which, and that installing it decides.
   */
  readonly modulesNotInstalled?: ReadonlyMap<string, string>;
}

/**
 * Where a value written in the code is, seen from a property that takes it from there:
 * - `local`: a local value (`name`);
 * - `default`: a variable's default (`name`: the variable);
 * - `tfvars`: a variables file giving the variable `name` its value;
 * - `argument`: a module call's argument `name`;
 * - `file`: a file read with `file()` or `templatefile()` (`name`: its path as written).
 */
export interface LiteralOrigin {
  readonly kind: 'local' | 'default' | 'tfvars' | 'argument' | 'file';
  readonly name: string;
  readonly file: string;
  readonly line?: number;
}

/**
 * A reference written in the source, or an explicit dependency. Literal-name matches (a bucket
 * policy naming its bucket as a string) are resolved when adapters join resources (`targetsOf`).
 */
/** An accepted exception: this policy does not apply to this resource, for this reason, until then. */
export interface Suppression {
  readonly policyId: string;
  readonly reason: string;
  /** `YYYY-MM-DD`: from that day on the suppression no longer holds, and the finding says so. */
  readonly expires?: string;
  /** Where the suppression is written. */
  readonly file: string;
  readonly line?: number;
}

/**
 * - `reference`: the expression at `path` names `to`;
 * - `depends-on`: an explicit dependency;
 * - `through-local`: the expression reads a local value that the source does not describe (a
 *   plan's `configuration` leaves locals out), so `to` is only one of the resources it may lead
 *   to: those of the module instance. {@link ResourceGraph.referencedFrom} follows such edges
 *   where nothing else is referenced and one resource of the wanted types is among them.
 */
export type EdgeKind = 'reference' | 'depends-on' | 'through-local';

/** `from` refers to `to`, at property `path` of `from` (empty for `depends-on`). */
export interface Edge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  readonly path: string;
}

/** Lines by property path (`Tags[0].Key`): a map, or a view on the lines of the whole document. */
export interface PropertyLines {
  get(path: string): number | undefined;
}

/** Children's lines in a `LineTree`: by key for a mapping, by index for a list. */
export type LineChildren = { [key: string]: LineEntry } | LineEntry[];
/** A value's line, with its children's where it has any (read, or still to be read). */
export type LineEntry = number | [number, LineChildren | DeferredLines];

/**
 * A container's children that a loader reads only when they are first asked for: a JSON document's,
 * from its text. A scan asks for the lines of the few settings it reports on, and reading all of
 * them up front was most of the cost of loading a JSON template.
 */
export abstract class DeferredLines {
  abstract read(): LineChildren;

  /** Serialized, the lines themselves: what was deferred is read. */
  toJSON(): LineChildren {
    return this.read();
  }
}

/**
 * Lines of a document (or of a part of it) as a tree mirroring its structure: keys are held once
 * each rather than as full paths, which is what makes recording them cheap.
 */
export class LineTree implements PropertyLines {
  /** The root as an entry, so that children read when first asked for are kept in it. */
  private readonly root: [number, LineChildren | DeferredLines];

  constructor(children: LineChildren | DeferredLines) {
    this.root = [0, children];
  }

  get children(): LineChildren {
    return childrenOf(this.root);
  }

  get(path: string): number | undefined {
    return lineOfEntry(this.entry(path));
  }

  /** The lines below `path`, by the rest of their path (read only when asked for). */
  under(path: string): LineTree {
    return linesBelow(this.entry(path));
  }

  /** The line of one key (or list index) of this level, whatever it holds: `get` reads `a.b` or `x[0]` as a path. */
  lineOfKey(key: string): number | undefined {
    return lineOfEntry(childEntry(this.children, key));
  }

  /** The lines below one key of this level (see `lineOfKey`). */
  underKey(key: string): LineTree {
    return linesBelow(childEntry(this.children, key));
  }

  /** The entry of `path`: its line with its children's. */
  entry(path: string): LineEntry | undefined {
    let entry: LineEntry | undefined = this.root;
    for (const seg of splitPath(path)) {
      entry = childEntry(childrenOf(entry), seg);
      if (entry === undefined) return undefined;
    }
    return entry;
  }

  /** Every line, read: plain data, for a copy that crosses to another thread without the text. */
  plain(): LineChildren {
    return readAll(this.children);
  }
}

/** The lines below an entry, still unread if they were deferred. */
const linesBelow = (entry: LineEntry | undefined): LineTree => new LineTree(Array.isArray(entry) ? entry[1] : {});

function readAll(children: LineChildren): LineChildren {
  const entries = Array.isArray(children) ? children.entries() : Object.entries(children);
  for (const [, entry] of entries) if (Array.isArray(entry)) readAll(childrenOf(entry));
  return children;
}

export const lineOfEntry = (entry: LineEntry | undefined): number | undefined => (typeof entry === 'number' ? entry : entry?.[0]);
/** An entry's children, read now if they were deferred. */
export function childrenOf(entry: LineEntry | undefined): LineChildren {
  if (!Array.isArray(entry)) return {};
  const children = entry[1];
  return children instanceof DeferredLines ? (entry[1] = children.read()) : children;
}
/** The entry of one key (or list index) among a value's children. */
export const childEntry = (children: LineChildren, key: string): LineEntry | undefined =>
  Array.isArray(children) ? children[Number(key)] : Object.prototype.hasOwnProperty.call(children, key) ? children[key] : undefined;

/**
 * Whether the resource already exists in the cloud as the source describes it: read from a state
 * (Terraform's, a Pulumi stack export), or left unchanged by a plan or preview.
 */
export function isDeployed(node: ResourceNode): boolean {
  return node.format === 'terraform-state' || node.format === 'pulumi-state' || node.action === 'no-op';
}

/**
 * Whether the resource exists before this deployment: deployed, or changed in place by a plan. A
 * setting that only applies to what is created (EBS encryption by default) did not shape it.
 */
export function existsBeforeDeployment(node: ResourceNode): boolean {
  return isDeployed(node) || node.action === 'update';
}

/** Where a property path is written: the file and line of it or of its nearest written ancestor, else the resource's. */
export function locationOf(node: ResourceNode, path: string): { readonly file: string; readonly line: number | undefined } {
  const line = writtenLineOf(node, path);
  if (line === undefined) return { file: node.source.file, line: node.source.line };
  return { file: node.propertyFiles?.get(splitPath(path)[0] ?? '') ?? node.source.file, line };
}

/** The line of a property path or of its nearest written ancestor. */
function writtenLineOf(node: ResourceNode, path: string): number | undefined {
  const lines = node.propertyLines;
  if (!lines) return undefined;
  let p = path;
  while (p !== '') {
    const line = lines.get(p);
    if (line !== undefined) return line;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    p = cut > 0 ? p.slice(0, cut) : '';
  }
  return undefined;
}

/**
 * Whether the source says the author wrote the top-level property of `path`; `true` when it does
 * not say (no `written` set). Matched ignoring case for the CloudFormation family, as property
 * reads are: AWS Native writes `KmsKeyId` where CloudFormation spells `KMSKeyId`.
 */
export function writes(node: ResourceNode, path: string): boolean {
  const written = node.written;
  if (written === undefined) return true;
  const top = topProperty(path);
  if (written.has(top)) return true;
  if (node.family !== 'cloudformation') return false;
  const wanted = top.toLowerCase();
  for (const name of written) if (name.toLowerCase() === wanted) return true;
  return false;
}

/** Whether the value at `path`, not written, may be inserted at deployment by a transform (`insertedBy`). */
export const mayBeInserted = (node: ResourceNode, path: string): boolean => node.insertedBy !== undefined && !writes(node, path);

/** `rule[0].x` → `rule`; `Tags` → `Tags`. */
function topProperty(path: string): string {
  const end = path.search(/[.[]/);
  return end === -1 ? path : path.slice(0, end);
}
