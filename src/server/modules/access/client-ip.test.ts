import { describe, expect, it } from 'vitest';
import { truncateIp } from './client-ip';

describe('truncateIp keeps the network, not the device', () => {
  it.each([
    ['192.168.17.201', '192.168.17.0'],
    ['::ffff:10.0.0.7', '10.0.0.0'],
    ['2001:db8:85a3:8d3:1319:8a2e:370:7348', '2001:db8:85a3::'],
    ['2001:db8::1', '2001:db8:0::'],
    ['::1', '0:0:0::'],
    ['not an ip', null],
    [undefined, null],
  ])('%s → %s', (ip, expected) => {
    expect(truncateIp(ip)).toBe(expected);
  });
});
