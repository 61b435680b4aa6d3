import type { Diagnostic } from '../diagnostic.js';
import type { Edge, ResourceNode } from '../graph/resource.js';

/** What a loader makes of one source: its resources, their references, and what went wrong. */
export interface LoadedUnit {
  readonly nodes: readonly ResourceNode[];
  readonly edges: readonly Edge[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Options a user gives on the command line that change how sources are read. */
export interface LoadOptions {
  /** The directory paths are shown relative to. */
  readonly cwd: string;
  /** CloudFormation parameter values, overriding template defaults. */
  readonly parameters?: ReadonlyMap<string, string> | undefined;
  /** Files larger than this many bytes are refused with a diagnostic. */
  readonly maxFileSize?: number | undefined;
  /** Terraform `--var-file` paths (relative to `cwd`), applied to every root module, in order. */
  readonly varFiles?: readonly string[] | undefined;
  /** Terraform `--var name=value` assignments, applied after the variable files. */
  readonly vars?: ReadonlyMap<string, string> | undefined;
  /** The `.tf` source of the Terraform plans and states scanned (`--source DIR`), when it is not beside them. */
  readonly sourceDir?: string | undefined;
  /** Threads to load sources on; one (this thread) when absent. */
  readonly threads?: number | undefined;
}
