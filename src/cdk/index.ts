/**
 * `sekisho/cdk`: sekisho inside an aws-cdk-lib v2 app, with the policies and verdicts of
 * `sekisho scan`.
 *
 * - `SekishoValidator`: a policy validation plugin (`new App({ policyValidationBeta1: [...] })`),
 *   reported in CDK's validation report;
 * - `SekishoChecks`: an Aspect annotating each failing construct with an error or a warning;
 * - `findViolations` / `expectNoViolations`: for unit tests over `Template.fromStack(stack)`;
 * - `suppress`: an accepted exception on a construct, honoured by all of these and by the CLI.
 */
export { expectNoViolations, findViolations, type TemplateLike } from './assertions.js';
export { SekishoChecks } from './checks.js';
export type { SekishoCdkOptions } from './options.js';
export { suppress, type SuppressOptions } from './suppress.js';
export { SekishoValidator } from './validator.js';
export type { Finding } from '../engine/finding.js';
