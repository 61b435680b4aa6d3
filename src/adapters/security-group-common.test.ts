import { describe, expect, it } from 'vitest';
import { isNetworkCidr } from './security-group-common.js';

describe('isNetworkCidr (what the Terraform AWS provider takes as a rule CIDR)', () => {
  it('takes network prefixes, IPv6 in any spelling', () => {
    for (const cidr of ['0.0.0.0/0', '10.0.0.0/8', '192.168.4.0/22', '203.0.113.7/32', '::/0', '0:0:0:0:0:0:0:0/0', '0000:0000:0000:0000:0000:0000:0000:0000/0', 'fd00::/8', '2001:db8:abcd:12::/64', '2001:DB8::/32']) {
      expect(isNetworkCidr(cidr), cidr).toBe(true);
    }
  });

  it('rejects host bits after the prefix, as the provider does at plan', () => {
    for (const cidr of ['0.1.0.0/0', '0.0.1.0/0', '10.0.0.5/8', '192.168.0.1/16', '2001:db8::1/0', 'fd12:3456:789a::1/0', '2001:0db8:85a3:0000:0000:8a2e:0370:7334/64']) {
      expect(isNetworkCidr(cidr), cidr).toBe(false);
    }
  });

  it('rejects what is not a CIDR at all', () => {
    for (const cidr of ['/0', '10.68.0.0', '10.0.0.0/33', '::/129', '256.0.0.0/8', '192.01.01.02/23', '1:2:3:4:5:6:7:8:9/0', '1::2::3/0', 'fd00:/8', 'x.y.z.w/0', '']) {
      expect(isNetworkCidr(cidr), cidr).toBe(false);
    }
  });
});
