import { describe, expect, it } from 'vitest';
import { Unknown } from '../../graph/values.js';
import { actionMatches, coversEveryRole, isAwsManagedPolicy, mayBeEverything, mayMatchAction, oidcIssuers } from './iam-queries.js';
import { isElbLogDeliveryPrincipal } from './s3-queries.js';

/**
 * Values crafted to make a regular expression backtrack, each of which took from tens of seconds to
 * for ever before these queries stopped using one for it; now each takes milliseconds.
 */

/** 40 wildcards: as `^.*.*…x$`, every way of cutting the text into 40 runs was tried (20 took 15 s). */
const STARS = `${'*'.repeat(40)}x`;
/** `/\$\{[^}]*\}/` looked for a `}` after each of 200,000 unclosed `${`. */
const UNCLOSED = '${'.repeat(200_000);

describe('IAM queries on crafted values', () => {
  it('match an action pattern of many wildcards', () => {
    expect(actionMatches(STARS, 'iam:PassRole')).toBe(false);
    expect(actionMatches(`${'*'.repeat(40)}e`, 'iam:PassRole')).toBe(true);
    expect(mayMatchAction(STARS, 's3:GetObject')).toBe(false);
    expect(mayMatchAction(`${'*?'.repeat(6)}*`, 's3:GetObject')).toBe(true);
  });

  it('read a shape of many unknown parts or unclosed `${`', () => {
    expect(mayMatchAction(new Unknown([], `${'${a}'.repeat(40)}x`), 'iam:PassRole')).toBe(false);
    expect(mayMatchAction(new Unknown([], `s3:${UNCLOSED}`), 'iam:PassRole')).toBe(false);
    expect(mayBeEverything(new Unknown([], UNCLOSED))).toBe(false);
    expect(coversEveryRole(new Unknown([], `arn:aws:iam::\${AWS::AccountId}:role/${UNCLOSED}`))).toBe(false);
    expect(coversEveryRole(`arn:aws:iam::111122223333:${STARS}`)).toBe(false);
  });

  it('tell an AWS managed policy from a shape of many unknown parts', () => {
    expect(isAwsManagedPolicy(new Unknown([], `arn:\${AWS::Partition}:iam::aws:policy/${'${x}'.repeat(40)}y`), 'AdministratorAccess')).toBe(false);
    expect(isAwsManagedPolicy(new Unknown([], `arn:\${AWS::Partition}:iam::aws:policy/${'${x}'.repeat(40)}s`), 'AdministratorAccess')).toBeUndefined();
    // `\$\{(AWS::Partition|data\.aws_partition\.[^}]*\.partition)\}` looked for a `}` after each of these.
    expect(isAwsManagedPolicy(new Unknown([], '${data.aws_partition.'.repeat(50_000)), 'AdministratorAccess')).toBe(false);
    // One part, which may be anything.
    expect(isAwsManagedPolicy(new Unknown([], `${'${data.aws_region.'.repeat(50_000)}}`), 'AdministratorAccess')).toBeUndefined();
  });

  it('read an issuer URL ending in many slashes', () => {
    const slashes = '/'.repeat(300_000);
    expect(oidcIssuers({ type: 'Federated', value: `https://x${slashes}x/` })).toEqual([`x${slashes}x`]);
  });

  it('tell data.aws_elb_service_account in a part naming it many times', () => {
    const named = `\${v${'.data.aws_elb_service_account.'.repeat(60_000)}b`;
    expect(isElbLogDeliveryPrincipal({ type: 'AWS', value: new Unknown([], named) })).toBe(false);
    expect(isElbLogDeliveryPrincipal({ type: 'AWS', value: new Unknown([], `${named}}`) })).toBe(true);
  });
});
