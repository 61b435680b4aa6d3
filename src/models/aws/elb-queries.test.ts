import { describe, expect, it } from 'vitest';
import { allowsLegacyTls } from './elb-queries.js';

const predefined = (name: string) => allowsLegacyTls({ kind: 'predefined', name });

describe('allowsLegacyTls', () => {
  it.each([
    'ELBSecurityPolicy-2016-08',
    'ELBSecurityPolicy-2015-05',
    'ELBSecurityPolicy-TLS-1-0-2015-04',
    'ELBSecurityPolicy-TLS-1-1-2017-01',
    'ELBSecurityPolicy-FS-2018-06',
    'ELBSecurityPolicy-FS-1-1-2019-08',
    'ELBSecurityPolicy-TLS13-1-0-2021-06',
    'ELBSecurityPolicy-TLS13-1-1-2021-06',
    'ELBSecurityPolicy-TLS13-1-0-FIPS-2023-04',
    'ELBSample-OpenSSLDefaultCipherPolicy',
  ])('%s accepts TLS 1.0 or 1.1', (name) => expect(predefined(name)).toBe(true));

  it.each([
    'ELBSecurityPolicy-TLS13-1-2-2021-06',
    'ELBSecurityPolicy-TLS13-1-2-Res-2021-06',
    'ELBSecurityPolicy-TLS13-1-3-2021-06',
    'ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04',
    'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09',
    'ELBSecurityPolicy-TLS-1-2-2017-01',
    'ELBSecurityPolicy-TLS-1-2-Ext-2018-06',
    'ELBSecurityPolicy-FS-1-2-Res-2020-10',
  ])('%s accepts TLS 1.2 or later only', (name) => expect(predefined(name)).toBe(false));

  it('does not guess about names it does not know', () => expect(predefined('MyCompanyPolicy')).toBeUndefined());

  it('reads a custom Classic Load Balancer policy by its protocols', () => {
    expect(allowsLegacyTls({ kind: 'custom', name: 'p', protocols: ['TLSv1.2'] })).toBe(false);
    expect(allowsLegacyTls({ kind: 'custom', name: 'p', protocols: ['TLSv1', 'TLSv1.2'] })).toBe(true);
  });
});
