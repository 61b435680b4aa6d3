import { forEachElement, forEachMember, JsonBytesError, lineCounter, readValue, skipValue, skipWhitespace } from '../json-bytes.js';
import { isObject, str, type JsonValue, type ModuleValues } from './schema.js';

/** The parts of a `terraform show -json` document the loader uses, read from its bytes. */
export interface TerraformJson {
  readonly formatVersion: string | undefined;
  readonly errored: boolean;
  /** A plan (`resource_changes` or `planned_values`) rather than a state (`values`). */
  readonly isPlan: boolean;
  /** `resource_changes`, `undefined` when the document has none; `before` values are dropped. */
  readonly resourceChanges: JsonValue[] | undefined;
  /** The plan's `planned_values` tree, read only when asked (it repeats `resource_changes`). */
  readonly plannedValues: () => ModuleValues | undefined;
  /** `prior_state`'s data sources: the module tree with managed resources left out. */
  readonly priorData: ModuleValues | undefined;
  /** A state's `values` tree. */
  readonly values: ModuleValues | undefined;
  readonly configuration: JsonValue | undefined;
  /** The line of a resource's `address` (1 throughout one-line output). */
  readonly lineOf: (address: string) => number | undefined;
  /** The line of `format_version`, for a diagnostic about it. */
  readonly versionLine: number;
}

/** Records the line of the resource `address` between byte offsets `at` and `end`. */
type LineNoter = (at: number, end: number, address: unknown) => void;

const everything = (): boolean => true;

/** Modules nest at most this deep in what the loader reads; deeper ones are skipped. */
const MAX_MODULE_DEPTH = 64;

/**
 * Walks the document once. Returns `undefined` when it is JSON but not an object; throws
 * `JsonBytesError` when it is not JSON.
 */
export function readTerraformJson(b: Buffer): TerraformJson | undefined {
  const start = skipWhitespace(b, 0);
  if (b[start] !== 0x7b) {
    expectEnd(b, skipValue(b, start));
    return undefined;
  }
  // `terraform show -json` writes one line; `jq .` output has lines worth pointing at.
  const multiline = b.lastIndexOf(0x0a, b.length - 2) !== -1;
  const lines = new Map<string, number>();
  /** Notes where a resource's `address` is, counting lines with `lineAt` (offsets in order). */
  const lineNoter =
    (lineAt: (offset: number) => number): LineNoter =>
    (at, end, address) => {
      if (!multiline || typeof address !== 'string' || lines.has(address)) return;
      const key = b.indexOf('"address"', at);
      if (key !== -1 && key < end) lines.set(address, lineAt(key));
    };
  const lineAt = lineCounter(b);
  const noteLine = lineNoter(lineAt);

  let formatVersion: string | undefined;
  let versionLine = 1;
  let errored = false;
  let resourceChanges: JsonValue[] | undefined;
  let plannedAt: number | undefined;
  let priorData: ModuleValues | undefined;
  let values: ModuleValues | undefined;
  let configuration: JsonValue | undefined;

  const readInto = (at: number, into: (value: JsonValue) => void): number => {
    const { value, end } = readValue(b, at);
    into(value as JsonValue);
    return end;
  };
  const moduleTree = (at: number, keep: (resource: JsonValue) => boolean, noteLine: LineNoter): { tree: ModuleValues | undefined; end: number } => {
    let tree: ModuleValues | undefined;
    const end = forEachMember(b, at, (key, valueAt) => {
      if (key !== 'root_module') return undefined;
      const root = readModule(b, valueAt, 0, keep, noteLine);
      tree = root.module;
      return root.end;
    });
    return { tree, end };
  };

  const end = forEachMember(b, start, (key, at) => {
    switch (key) {
      case 'format_version':
        versionLine = lineAt(at);
        return readInto(at, (v) => (formatVersion = str(v)));
      case 'errored':
        return readInto(at, (v) => (errored = v === true));
      case 'configuration':
        return readInto(at, (v) => (configuration = v));
      case 'planned_values':
        plannedAt = at;
        return undefined;
      case 'resource_changes':
        resourceChanges = [];
        return forEachElement(b, at, (elementAt) => {
          const { value, end } = readValue(b, elementAt);
          if (isObject(value) && isObject(value['change'])) {
            // Kept until every instance is indexed: what the checks never read goes now.
            delete value['change']['before'];
            delete value['change']['before_sensitive'];
          }
          noteLine(elementAt, end, isObject(value) ? value['address'] : undefined);
          resourceChanges!.push(value as JsonValue);
          return end;
        });
      case 'prior_state':
        return forEachMember(b, at, (inner, valuesAt) => {
          if (inner !== 'values') return undefined;
          const prior = moduleTree(valuesAt, (r) => isObject(r) && r['mode'] === 'data', noteLine);
          priorData = prior.tree;
          return prior.end;
        });
      case 'values': {
        const state = moduleTree(at, everything, noteLine);
        values = state.tree;
        return state.end;
      }
      default:
        return undefined;
    }
  });
  expectEnd(b, end);

  const plannedValues = (): ModuleValues | undefined => {
    if (plannedAt === undefined) return undefined;
    // Counted afresh: these lines come before the ones already counted.
    return moduleTree(plannedAt, everything, lineNoter(lineCounter(b))).tree;
  };
    const lineOf = (address: string): number | undefined => (multiline ? lines.get(address) : 1);
  return { formatVersion, versionLine, errored, isPlan: resourceChanges !== undefined || plannedAt !== undefined, resourceChanges, plannedValues, priorData, values, configuration, lineOf };
}

/** A module of a values tree, its resources filtered by `keep`, its child modules read the same way. */
function readModule(
  b: Buffer,
  at: number,
  depth: number,
  keep: (resource: JsonValue) => boolean,
  noteLine: LineNoter,
): { module: ModuleValues | undefined; end: number } {
  if (depth > MAX_MODULE_DEPTH || b[skipWhitespace(b, at)] !== 0x7b) return { module: undefined, end: skipValue(b, at) };
  let address: string | undefined;
  const resources: JsonValue[] = [];
  const children: ModuleValues[] = [];
  const end = forEachMember(b, at, (key, valueAt) => {
    if (key === 'address') {
      const read = readValue(b, valueAt);
      address = str(read.value);
      return read.end;
    }
    if (key === 'resources' && b[valueAt] === 0x5b) {
      return forEachElement(b, valueAt, (elementAt) => {
        const { value, end } = readValue(b, elementAt);
        if (keep(value as JsonValue)) {
          noteLine(elementAt, end, isObject(value) ? value['address'] : undefined);
          resources.push(value as JsonValue);
        }
        return end;
      });
    }
    if (key === 'child_modules' && b[valueAt] === 0x5b) {
      return forEachElement(b, valueAt, (childAt) => {
        const child = readModule(b, childAt, depth + 1, keep, noteLine);
        if (child.module) children.push(child.module);
        return child.end;
      });
    }
    return undefined;
  });
  return { module: { ...(address !== undefined && { address }), resources, child_modules: children }, end };
}

function expectEnd(b: Buffer, end: number): void {
  const rest = skipWhitespace(b, end);
  if (rest !== b.length) throw new JsonBytesError(rest);
}
