import { isMap } from '../../graph/values.js';
/**
 * Bounds on evaluating one configuration, so that no input makes a scan run out of time or memory:
 * a `setproduct` of many lists, a value doubled through a chain of locals, `for` expressions nested
 * over large ranges, `count` on nested modules multiplying instances. Terraform would take as long
 * or fail; sekisho treats such a value as unknown and says so once.
 */

/**
 * The longest string, and the most elements of a collection, one expression may build: a few tens
 * of MB at most. A collection is bounded as the tree it is walked as, too: shared parts counted
 * each time, since every reader (checks, comparisons, `jsonencode`, the policies) walks it so.
 */
export const MAX_VALUE_SIZE = 1 << 20;

/**
 * Characters of a string built that cost one step: 80 M characters in all, so that many strings
 * each under `MAX_VALUE_SIZE` (a padded `format` on 300 instances) do not exhaust memory either.
 */
export const CHARS_PER_STEP = 16;

/** The work one configuration's evaluation may do, in `for` iterations; an instance costs `INSTANCE_COST` (so at most 20,000 instances). */
export const EVALUATION_STEPS = 5_000_000;
export const INSTANCE_COST = 250;
/** A block a `dynamic` block generates (so at most 100,000): nested ones multiply. */
export const DYNAMIC_BLOCK_COST = 50;

/** A bound was passed. Not a Terraform error: `try` and `can` do not catch it, and the value is unknown. */
export class EvaluationLimit extends Error {
  constructor() {
    super('evaluation limit reached');
  }
}

/** The work left for one configuration, and a report made once when a bound is first passed. */
export class EvaluationBudget {
  #left: number;
  #reported = false;

  constructor(
    steps: number,
    private readonly report: () => void,
  ) {
    this.#left = steps;
  }

  /** Takes `units` of work if they are left. */
  take(units: number): boolean {
    if (this.#left < units) return false;
    this.#left -= units;
    return true;
  }

  /** Takes `units` of work, or throws `EvaluationLimit`. */
  spend(units: number): void {
    if (!this.take(units)) throw new EvaluationLimit();
  }

  /**
   * Takes the work of building `value`: its characters, or its elements; or throws `EvaluationLimit`.
   * A collection is also bounded as the tree every later reader walks: shared parts count each time
   * they occur, so `{ a = local.x, b = local.x }` chained through locals cannot double past it.
   */
  charge<T>(value: T): T {
    const size = sizeOf(value);
    if (size > MAX_VALUE_SIZE || treeSize(value) > MAX_VALUE_SIZE) throw new EvaluationLimit();
    this.spend(typeof value === 'string' ? Math.ceil(size / CHARS_PER_STEP) : size);
    return value;
  }

  /** A value was left unknown because of a bound: reported the first time. */
  passed(): void {
    if (this.#reported) return;
    this.#reported = true;
    this.report();
  }
}

/** Values walked as trees, by their size as a tree (at most just past `MAX_VALUE_SIZE`): each collection is counted once, when it is built. */
const treeSizes = new WeakMap<object, number>();

/** The nodes of `value` walked as a tree, counted up to just past `MAX_VALUE_SIZE`. */
function treeSize(value: unknown): number {
  if (typeof value !== 'object' || value === null || !(Array.isArray(value) || isMap(value))) return 1;
  let size = treeSizes.get(value);
  if (size !== undefined) return size;
  size = 1;
  for (const child of Array.isArray(value) ? value : Object.values(value)) {
    size += treeSize(child);
    if (size > MAX_VALUE_SIZE) break;
  }
  treeSizes.set(value, size);
  return size;
}

/** A string's characters, or the elements of a collection at its top level. */
function sizeOf(value: unknown): number {
  if (typeof value === 'string' || Array.isArray(value)) return value.length;
  return isMap(value) ? Object.keys(value).length : 0;
}
