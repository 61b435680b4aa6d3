import { describe, expect, it } from 'vitest';
import { scheduleDays } from './secret-rotation-common.js';

describe('scheduleDays', () => {
  it('reads rate() in days and hours', () => {
    expect(scheduleDays('rate(30 days)')).toBe(30);
    expect(scheduleDays('rate(1 day)')).toBe(1);
    expect(scheduleDays(' rate(12 hours) ')).toBe(0.5);
  });

  it('bounds a cron() by the longest gap between the months it runs in', () => {
    expect(scheduleDays('cron(0 4 ? * SUN#1 *)')).toBe(31);
    expect(scheduleDays('cron(0 16 1,15 * ? *)')).toBe(31);
    expect(scheduleDays('cron(0 3 1 JAN,JUL ? *)')).toBe(186);
    expect(scheduleDays('cron(0 3 1 */3 ? *)')).toBe(93);
    expect(scheduleDays('cron(0 3 1 2/2 ? *)')).toBe(62);
    expect(scheduleDays('cron(0 3 1 MAR-MAY,SEP ? *)')).toBe(186);
    expect(scheduleDays('cron(0 3 1 6 ? *)')).toBe(372);
  });

  it('leaves what it cannot read, or a cron limited to some years, undecided', () => {
    expect(scheduleDays('cron(0 3 1 * ? 2027)')).toBeUndefined();
    expect(scheduleDays('cron(0 3 1 13 ? *)')).toBeUndefined();
    expect(scheduleDays('cron(0 3 1 DEC-JAN ? *)')).toBeUndefined();
    expect(scheduleDays('rate(2 weeks)')).toBeUndefined();
    expect(scheduleDays('every 30 days')).toBeUndefined();
  });
});
