import { ByteWindow, forEachElement, forEachMember, JsonBytesError, readValue, skipValue, skipWhitespace } from '../json-bytes.js';
import { isObject, str, type JsonValue, type ModuleValues } from './schema.js';

/**
 * The parts of a `terraform show -json` document the loader uses, read from its bytes. `C` is
 * what the loader makes of each resource change, as it is read.
 */
export interface TerraformJson<C> {
  readonly formatVersion: string | undefined;
  readonly errored: boolean;
  /** `complete: false`: some changes are deferred to a later plan (their `deferred_changes` are among `resourceChanges`). */
  readonly incomplete: boolean;
  /** A plan (`resource_changes` or `planned_values`) rather than a state (`values`). */
  readonly isPlan: boolean;
  /** `resource_changes` as the loader took them, `undefined` when the document has none. */
  readonly resourceChanges: C[] | undefined;
  /** The plan's `planned_values` tree, read only when asked (it repeats `resource_changes`). */
  readonly plannedValues: () => ModuleValues | undefined;
  /** `prior_state`'s data sources: the module tree with managed resources left out. */
  readonly priorData: ModuleValues | undefined;
  /** A state's `values` tree. */
  readonly values: ModuleValues | undefined;
  readonly configuration: JsonValue | undefined;
  /** The root module's variable values the plan was made with (`variables`: `{name: {value}}`). */
  readonly variables: JsonValue | undefined;
  /** The line of a resource's `address` (1 throughout one-line output). */
  readonly lineOf: (address: string) => number;
  /** The line of `format_version`, for a diagnostic about it. */
  readonly versionLine: number;
  /** Whether the file's bytes were all valid UTF-8. */
  readonly validUtf8: boolean;
}

/** A member of the document that is JSON, but not of the type Terraform writes there. */
export class ShapeError extends Error {
  constructor(
    readonly member: string,
    readonly expected: 'list' | 'object' | 'string',
    readonly offset: number,
  ) {
    super(`${member} is not a ${expected}`);
  }
}

/** `at`, where a member's value starts, if the value opens a list or object as `expected`. */
function opening(w: ByteWindow, at: number, member: string, expected: 'list' | 'object'): number {
  if (w.byte(at) !== (expected === 'list' ? 0x5b : 0x7b)) throw new ShapeError(member, expected, at);
  return at;
}

/** Records the line of the resource `address` between byte offsets `at` and `end`. */
type LineNoter = (at: number, end: number, address: unknown) => void;

const everything = (): boolean => true;

/** Modules nest at most this deep in what the loader reads; deeper ones are skipped. */
const MAX_MODULE_DEPTH = 64;

/**
 * Walks the document once (twice for a plan without `resource_changes`, whose `planned_values` are
 * read then). `open` gives a fresh window on it. Returns `undefined` when it is JSON but not an
 * object; throws `JsonBytesError` when it is not JSON.
 */
export function readTerraformJson<C>(open: () => ByteWindow, takeChange: (change: JsonValue) => C): TerraformJson<C> | undefined {
  const w = open();
  try {
    return readDocument(w, open, takeChange);
  } finally {
    w.close();
  }
}

function readDocument<C>(w: ByteWindow, open: () => ByteWindow, takeChange: (change: JsonValue) => C): TerraformJson<C> | undefined {
  const start = skipWhitespace(w, w.base); // past a byte order mark, where the window opened
  if (w.byte(start) !== 0x7b) {
    expectEnd(w, skipValue(w, start));
    return undefined;
  }
  // `terraform show -json` writes one line; `jq .` output has lines worth pointing at. Line 1, where
  // every resource of one-line output is, is what an address not recorded is on.
  const lines = new Map<string, number>();
  const noteLine = (window: ByteWindow): LineNoter => (at, end, address) => {
    if (typeof address !== 'string' || lines.has(address)) return;
    // Most resources sit on one line (all of them in `terraform show -json` output): no need to look for the key.
    const key = window.onOneLine(at, end) ? at : window.find('"address"', at, end);
    const line = key === -1 ? 1 : window.lineAt(key);
    if (line > 1) lines.set(address, line);
  };

  let formatVersion: string | undefined;
  let versionLine = 1;
  let errored = false;
  let incomplete = false;
  let deferred: C[] | undefined;
  let resourceChanges: C[] | undefined;
  let hasPlannedValues = false;
  let priorData: ModuleValues | undefined;
  let values: ModuleValues | undefined;
  let configuration: JsonValue | undefined;
  let variables: JsonValue | undefined;

  const readInto = (at: number, into: (value: JsonValue) => void): number => {
    const { value, end } = readValue(w, at);
    into(value as JsonValue);
    return end;
  };

  const end = forEachMember(w, start, (key, at) => {
    switch (key) {
      case 'format_version':
        versionLine = w.lineAt(at);
        return readInto(at, (v) => {
          if (typeof v !== 'string') throw new ShapeError(key, 'string', at);
          formatVersion = v;
        });
      case 'errored':
        return readInto(at, (v) => (errored = v === true));
      case 'complete':
        return readInto(at, (v) => (incomplete = v === false));
      case 'deferred_changes':
        // Terraform 1.9+: changes it could not plan yet (a count or for_each known only after an
        // apply). What they say is checked as any change is; the rest of their values is unknown.
        return forEachElement(w, opening(w, at, key, 'list'), (elementAt) => {
          const { value, end } = readValue(w, elementAt);
          const change = isObject(value) ? value['resource_change'] : undefined;
          if (isObject(change)) {
            noteLine(w)(elementAt, end, change['address']);
            (deferred ??= []).push(takeChange(change));
          }
          return end;
        });
      case 'configuration':
        return readInto(at, (v) => (configuration = v));
      case 'variables':
        return readInto(at, (v) => (variables = v));
      case 'planned_values':
        opening(w, at, key, 'object');
        hasPlannedValues = true;
        return undefined;
      case 'resource_changes':
        resourceChanges = [];
        return forEachElement(w, opening(w, at, key, 'list'), (elementAt) => {
          const { value, end } = readValue(w, elementAt);
          noteLine(w)(elementAt, end, isObject(value) ? value['address'] : undefined);
          // Taken while young: what the loader leaves (`before`, …) costs the collector almost nothing.
          resourceChanges!.push(takeChange(value as JsonValue));
          return end;
        });
      case 'prior_state':
        return forEachMember(w, opening(w, at, key, 'object'), (inner, valuesAt) => {
          if (inner !== 'values') return undefined;
          const prior = moduleTree(w, valuesAt, (r) => isObject(r) && r['mode'] === 'data', noteLine(w));
          priorData = prior.tree;
          return prior.end;
        });
      case 'values': {
        const state = moduleTree(w, opening(w, at, key, 'object'), everything, noteLine(w));
        values = state.tree;
        return state.end;
      }
      default:
        return undefined;
    }
  });
  expectEnd(w, end);

  // Read in a second walk, and only when needed: `planned_values` repeats `resource_changes`.
  const plannedValues = (): ModuleValues | undefined => {
    if (!hasPlannedValues) return undefined;
    const again = open();
    try {
      let tree: ModuleValues | undefined;
      forEachMember(again, skipWhitespace(again, again.base), (key, at) => {
        if (key !== 'planned_values') return undefined;
        const read = moduleTree(again, at, everything, noteLine(again));
        tree = read.tree;
        return read.end;
      });
      return tree;
    } finally {
      again.close();
    }
  };
  const lineOf = (address: string): number => lines.get(address) ?? 1;
  return {
    formatVersion,
    versionLine,
    errored,
    incomplete,
    isPlan: resourceChanges !== undefined || hasPlannedValues,
    resourceChanges: deferred ? [...(resourceChanges ?? []), ...deferred] : resourceChanges,
    plannedValues,
    priorData,
    values,
    configuration,
    variables,
    lineOf,
    validUtf8: w.validUtf8,
  };
}

/** A values tree (`{ root_module, outputs }`): its root module, read with `readModule`. */
function moduleTree(w: ByteWindow, at: number, keep: (resource: JsonValue) => boolean, noteLine: LineNoter): { tree: ModuleValues | undefined; end: number } {
  let tree: ModuleValues | undefined;
  const end = forEachMember(w, at, (key, valueAt) => {
    if (key !== 'root_module') return undefined;
    const root = readModule(w, valueAt, 0, keep, noteLine);
    tree = root.module;
    return root.end;
  });
  return { tree, end };
}

/** A module of a values tree, its resources filtered by `keep`, its child modules read the same way. */
function readModule(
  w: ByteWindow,
  at: number,
  depth: number,
  keep: (resource: JsonValue) => boolean,
  noteLine: LineNoter,
): { module: ModuleValues | undefined; end: number } {
  if (depth > MAX_MODULE_DEPTH || w.byte(skipWhitespace(w, at)) !== 0x7b) return { module: undefined, end: skipValue(w, at) };
  let address: string | undefined;
  const resources: JsonValue[] = [];
  const children: ModuleValues[] = [];
  const end = forEachMember(w, at, (key, valueAt) => {
    if (key === 'address') {
      const read = readValue(w, valueAt);
      address = str(read.value);
      return read.end;
    }
    if (key === 'resources' && w.byte(valueAt) === 0x5b) {
      return forEachElement(w, valueAt, (elementAt) => {
        const { value, end } = readValue(w, elementAt);
        if (keep(value as JsonValue)) {
          noteLine(elementAt, end, isObject(value) ? value['address'] : undefined);
          resources.push(value as JsonValue);
        }
        return end;
      });
    }
    if (key === 'child_modules' && w.byte(valueAt) === 0x5b) {
      return forEachElement(w, valueAt, (childAt) => {
        const child = readModule(w, childAt, depth + 1, keep, noteLine);
        if (child.module) children.push(child.module);
        return child.end;
      });
    }
    return undefined;
  });
  return { module: { ...(address !== undefined && { address }), resources, child_modules: children }, end };
}

function expectEnd(w: ByteWindow, end: number): void {
  const rest = skipWhitespace(w, end);
  if (w.byte(rest) !== undefined) throw new JsonBytesError(rest);
}
