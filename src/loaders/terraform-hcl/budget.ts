/**
 * Bounds on evaluating one configuration, so that no input makes a scan run out of time or memory:
 * a `setproduct` of many lists, a value doubled through a chain of locals, `for` expressions nested
 * over large ranges, `count` on nested modules multiplying instances. Terraform would take as long
 * or fail; sekisho treats such a value as unknown and says so once.
 */

/** The longest string, and the most elements of a collection, one expression may build. */
export const MAX_VALUE_SIZE = 1 << 22;

/** The work one configuration's evaluation may do, in `for` iterations; an instance costs `INSTANCE_COST` (so at most 20,000 instances). */
export const EVALUATION_STEPS = 5_000_000;
export const INSTANCE_COST = 250;

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

  /** A value was left unknown because of a bound: reported the first time. */
  passed(): void {
    if (this.#reported) return;
    this.#reported = true;
    this.report();
  }
}

/** `value` if it is within `MAX_VALUE_SIZE`, else `EvaluationLimit`. */
export function withinSize<T>(value: T): T {
  const size = typeof value === 'string' ? value.length : Array.isArray(value) ? value.length : 0;
  if (size > MAX_VALUE_SIZE) throw new EvaluationLimit();
  return value;
}
