import os from 'node:os';

/** An IPv4 address of this machine other than loopback: connecting to it, a server sees it as the caller. */
export function outsideAddress(): string {
  const address = Object.values(os.networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
  if (!address) throw new Error('this test needs a network interface with a non-loopback IPv4 address');
  return address;
}
