/**
 * PGlite served on a loopback port to many connections, which share its one session. pglite-socket's own server
 * queues every wire-protocol message of every connection and keeps a connection's messages together only inside a
 * transaction; outside one, another connection's Parse could land between a Parse and its Bind ("unnamed prepared
 * statement does not exist", "bind message supplies 2 parameters, but prepared statement requires 3"). This queue
 * also keeps each exchange together: a connection that has begun one (Parse, Bind, Execute …) is served alone
 * until its Sync, as is one inside a transaction until it ends. pglite-socket's connection handler is used as it
 * is, with this queue in place of its own.
 */
import { createServer, type Server, type Socket } from "node:net";
import type { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketHandler, type PGLiteSocketHandlerOptions } from "@electric-sql/pglite-socket";

type Waiting = {
  connection: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
};

const SYNC = 0x53; // 'S'
const SIMPLE_QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'

/**
 * Whether a message ends its exchange: Sync, a simple query (answered whole), Terminate, or a message without a
 * type byte (the startup and SSL requests, whose first byte is that of their length).
 */
export function endsExchange(message: Uint8Array): boolean {
  const type = message[0];
  return type === SYNC || type === SIMPLE_QUERY || type === TERMINATE || type === 0;
}

/** One message at a time into PGlite; a connection mid-exchange or mid-transaction is served before anyone else. */
export class ExchangeQueue {
  private waiting: Waiting[] = [];
  private draining = false;
  /** The connection that must be served next, or null when any may be. */
  private owner: number | null = null;

  constructor(private readonly db: PGlite) {}

  enqueue(connection: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ connection, message, onData, resolve, reject });
      void this.drain();
    });
  }

  getQueueLength(): number {
    return this.waiting.length;
  }

  /** A connection went away: its waiting messages are dropped, and it no longer holds the queue. */
  clearQueueForHandler(connection: number): void {
    this.waiting = this.waiting.filter((entry) => {
      if (entry.connection === connection) entry.reject(new Error("the connection closed"));
      return entry.connection !== connection;
    });
  }

  /** …and a transaction it left open is rolled back, so the next connection does not find itself inside it. */
  async clearTransactionIfNeeded(connection: number): Promise<void> {
    if (this.owner !== connection) return;
    if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
    this.owner = null;
    await this.drain();
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      for (;;) {
        const index = this.owner === null ? 0 : this.waiting.findIndex((entry) => entry.connection === this.owner);
        if (index === -1 || this.waiting.length === 0) return; // the owner's next message has not come yet
        const [entry] = this.waiting.splice(index, 1);
        await this.run(entry);
        this.owner = endsExchange(entry.message) && !this.db.isInTransaction() ? null : entry.connection;
      }
    } finally {
      this.draining = false;
    }
  }

  private async run(entry: Waiting): Promise<void> {
    let bytes = 0;
    try {
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(entry.message, {
          onRawData: (data) => {
            bytes += data.length;
            entry.onData(data);
          },
        }),
      );
      entry.resolve(bytes);
    } catch (error) {
      entry.reject(error);
    }
  }
}

export type EmbeddedSocketServer = { port: number; stop: () => Promise<void> };

/** Serves `db` on 127.0.0.1:`port` (0: any free port) to at most `maxConnections` connections at once. */
export async function serveOverSocket(db: PGlite, port: number, maxConnections: number): Promise<EmbeddedSocketServer> {
  await db.waitReady;
  const queue = new ExchangeQueue(db);
  const handlers = new Set<PGLiteSocketHandler>();
  const server: Server = createServer((socket: Socket) => {
    if (handlers.size >= maxConnections) {
      socket.end("Too many connections\n");
      return;
    }
    // The handler's type names pglite-socket's own queue class; ours answers the same calls.
    const options = { queryQueue: queue, closeOnDetach: true } as unknown as PGLiteSocketHandlerOptions;
    const handler = new PGLiteSocketHandler(options);
    handlers.add(handler);
    const forget = () => handlers.delete(handler);
    handler.addEventListener("close", forget);
    handler.addEventListener("error", forget);
    handler.attach(socket).catch(() => {
      forget();
      socket.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address !== "object") throw new Error("the embedded database's socket has no port");
  return {
    port: address.port,
    stop: async () => {
      await Promise.all([...handlers].map((handler) => handler.detach(true)));
      handlers.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
