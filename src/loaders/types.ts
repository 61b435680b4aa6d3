import type { Diagnostic } from '../diagnostic.js';
import type { Edge, ResourceNode } from '../graph/resource.js';
import type { PropertyValue } from '../graph/values.js';

/** What a loader makes of one source: its resources, their references, and what went wrong. */
export interface LoadedUnit {
  readonly nodes: readonly ResourceNode[];
  readonly edges: readonly Edge[];
  readonly diagnostics: readonly Diagnostic[];
  /** The names a CloudFormation template exports (`Outputs.*.Export`), for other templates' `Fn::ImportValue`. */
  readonly exports?: readonly StackExport[];
  /**
   * The nodes whose values hold an `Fn::ImportValue` of a known name: until `linkImports` has seen
   * every unit of the scan, such a value refers to the export by name rather than to a node.
   */
  readonly importing?: readonly string[];
}

/** A CloudFormation export: its name, and its `Value` as it resolves in the template that exports it. */
export interface StackExport {
  readonly name: string;
  readonly value: PropertyValue;
  /** The template that exports it, as shown to users, and the line of its output. */
  readonly file: string;
  readonly line?: number;
}

/** A Terraform variable value given on the command line: a `--var-file`, or one `--var name=value`. */
export type VariableInput = { readonly file: string } | { readonly name: string; readonly text: string };

/** Options a user gives on the command line that change how sources are read. */
export interface LoadOptions {
  /** The directory paths are shown relative to. */
  readonly cwd: string;
  /** CloudFormation parameter values, overriding template defaults. */
  readonly parameters?: ReadonlyMap<string, string> | undefined;
  /** Files larger than this many bytes are refused with a diagnostic. */
  readonly maxFileSize?: number | undefined;
  /** Terraform `--var-file` and `--var` values, applied to every root module in the order given (a later value wins). */
  readonly variables?: readonly VariableInput[] | undefined;
  /** The `.tf` source of the Terraform plans and states scanned (`--source DIR`), when it is not beside them. */
  readonly sourceDir?: string | undefined;
  /** Threads to load sources on; one (this thread) when absent. */
  readonly threads?: number | undefined;
}
