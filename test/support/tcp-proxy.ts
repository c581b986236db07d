import net from 'node:net';

/** A TCP proxy a test can cut (every connection dropped, new ones refused), silence and restore. */
export interface TcpProxy {
  port: number;
  cut(): void;
  /** Forwards nothing, and closes nothing: a database or network that stops answering, without a reset. */
  silence(): void;
  /** Forwards again, what was held back first. */
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(host: string, port: number): Promise<TcpProxy> {
  let isCut = false;
  let isSilent = false;
  let held: [net.Socket, Buffer][] = [];
  const open = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const forward = (from: net.Socket, to: net.Socket) =>
    from.on('data', (chunk) => (isSilent ? held.push([to, chunk]) : to.write(chunk)));
  const server = net.createServer((client) => {
    track(client);
    if (isCut) {
      client.destroy();
      return;
    }
    const upstream = net.connect(port, host);
    track(upstream);
    forward(client, upstream);
    forward(upstream, client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    cut() {
      isCut = true;
      for (const socket of open) socket.destroy();
    },
    silence() {
      isSilent = true;
    },
    restore() {
      isCut = false;
      isSilent = false;
      for (const [to, chunk] of held) if (!to.destroyed) to.write(chunk);
      held = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
