import type { Attr, Model } from '../attr.js';

/** A Step Functions state machine (`aws_sfn_state_machine`, `AWS::StepFunctions::StateMachine`). */
export interface StateMachine extends Model {
  readonly name: Attr<string>;
  /**
   * Which execution history events go to CloudWatch Logs: `ALL`, `ERROR`, `FATAL` or `OFF`.
   * `OFF` unless a logging configuration sets it.
   */
  readonly logLevel: Attr<string>;
}
