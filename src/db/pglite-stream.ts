import { Duplex } from 'node:stream';
import type { PGlite } from '@electric-sql/pglite';

/**
 * PGlite is one PostgreSQL session. Connections take it in turn: a connection holds it from its
 * start until it closes, and the next waits (the pool holds one connection, so it waits only
 * while the pool replaces one). Handing it on, an open transaction is rolled back and the
 * session reset (`DISCARD ALL`: prepared statements, settings), so each connection starts as on
 * a new backend.
 */
class SessionTurns {
  private last: Promise<void> = Promise.resolve();

  constructor(private readonly db: PGlite) {}

  /** Resolves when the session is this caller's, with the function that hands it on. */
  take(): Promise<() => Promise<void>> {
    let handOn!: () => void;
    const previous = this.last;
    this.last = new Promise<void>((resolve) => (handOn = resolve));
    return previous.then(() => async () => {
      try {
        if (!this.db.closed) {
          if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
          await this.db.exec('DISCARD ALL');
        }
      } finally {
        handOn();
      }
    });
  }
}

const STARTUP_LENGTH_BYTES = 4;

/**
 * A connection to the in-process PGlite for node-postgres (its `stream` option): the wire
 * protocol's messages go to PGlite as bytes and its answers come back as bytes, so the pg driver,
 * and TypeORM over it, work exactly as over a socket, with no port any other process could reach.
 */
class PGliteStream extends Duplex {
  private pending: Buffer = Buffer.alloc(0);
  private started = false;
  private handOn?: Promise<() => Promise<void>>;

  constructor(
    private readonly db: PGlite,
    private readonly turns: SessionTurns,
  ) {
    super();
  }

  /** pg's Connection calls this as it would on a socket; the session is ours once 'connect' fires. */
  connect(): this {
    this.handOn = this.turns.take();
    this.handOn.then(() => {
      if (!this.destroyed) this.emit('connect');
    });
    return this;
  }

  // socket methods pg calls: nothing to tune in process
  setNoDelay(): this {
    return this;
  }
  setKeepAlive(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }

  _read(): void {}

  _write(chunk: Buffer, _encoding: BufferEncoding, done: (err?: Error | null) => void): void {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    this.runComplete().then(() => done(), done);
  }

  /** Sends PGlite each whole message received, in order, pushing its answer to the reader. */
  private async runComplete(): Promise<void> {
    for (;;) {
      // the startup message has no type byte: its length comes first
      const lengthAt = this.started ? 1 : 0;
      if (this.pending.length < lengthAt + STARTUP_LENGTH_BYTES) return;
      const length = lengthAt + this.pending.readInt32BE(lengthAt);
      if (this.pending.length < length) return;
      const message = this.pending.subarray(0, length);
      this.pending = this.pending.subarray(length);
      this.started = true;
      await this.db.runExclusive(() =>
        // the bytes are a view of PGlite's memory, reused by the next message: copy them
        this.db.execProtocolRawStream(message, { onRawData: (bytes) => this.push(Buffer.from(bytes)) }),
      );
    }
  }

  _final(done: (err?: Error | null) => void): void {
    this.push(null);
    this.release().then(() => done(), done);
  }

  _destroy(err: Error | null, done: (err?: Error | null) => void): void {
    this.release().then(
      () => done(err),
      () => done(err),
    );
  }

  private release(): Promise<void> {
    const handOn = this.handOn;
    this.handOn = undefined;
    return handOn ? handOn.then((handOnNow) => handOnNow()) : Promise.resolve();
  }
}

/** The `stream` option for pg: each call opens a connection to `db`. */
export function pgliteStreams(db: PGlite): () => Duplex {
  const turns = new SessionTurns(db);
  return () => new PGliteStream(db, turns);
}
