import { isIPv4, isIPv6 } from 'node:net';

/**
 * Truncates a client address before it is stored (os2display ADR 011): IPv4 to /24, IPv6 to /48.
 * The result still shows the network a request came from, not the person's device.
 */
export function truncateIp(ip: string | undefined): string | null {
  if (!ip) return null;
  const v4 = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  if (isIPv4(v4)) {
    const parts = v4.split('.');
    return `${parts[0]}.${parts[1]}.${parts[2]}.0`;
  }
  if (isIPv6(ip)) {
    const [head = '', tail = ''] = ip.split('::');
    const left = head ? head.split(':') : [];
    const right = tail ? tail.split(':') : [];
    const groups = ip.includes('::')
      ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
      : left;
    return `${groups
      .slice(0, 3)
      .map((g) => Number.parseInt(g || '0', 16).toString(16))
      .join(':')}::`;
  }
  return null;
}
