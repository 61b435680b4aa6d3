/**
 * The log level of a state machine whose logging configuration does not set one: `OFF`, no
 * execution history events logged (CloudFormation's `LoggingConfiguration`, the Step Functions API).
 */
export const SFN_LOG_LEVEL_DEFAULT = 'OFF';
