/**
 * The embedded database used when no DATABASE_URL is given: PGlite (PostgreSQL compiled to WebAssembly)
 * persisted in a folder and served on a loopback port, so Prisma and every other client speak the ordinary
 * wire protocol to it. A small state file lets a second command (db:seed while the app runs) reach the
 * running server instead of opening the same folder twice, which PGlite does not support.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { EMBEDDED_APPLICATION_NAME } from "./client";
import { serveOverSocket } from "./embedded-socket-server";

export const DEFAULT_DATA_DIR = resolve(process.cwd(), process.env.STOCKROOM_DATA_DIR ?? "data");

// Contrib extensions the migrations create (CREATE EXTENSION pg_trgm, for lib/search): PGlite loads only those
// it is given.
const extensions = { pg_trgm };

export type EmbeddedPostgres = { url: string; stop: () => Promise<void> };

function stateFile(dataDir: string) {
  return join(dataDir, "embedded-postgres.json");
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The URL of an embedded server another process of ours is running on this folder, if any. */
export function findRunningEmbeddedPostgres(dataDir = DEFAULT_DATA_DIR): string | undefined {
  const file = stateFile(dataDir);
  if (!existsSync(file)) return undefined;
  const state = JSON.parse(readFileSync(file, "utf8")) as { pid: number; url: string };
  return isAlive(state.pid) && state.pid !== process.pid ? state.url : undefined;
}

/** In memory, for tests on machines without a PostgreSQL server: gone when stopped. */
export async function startInMemoryPostgres(): Promise<EmbeddedPostgres> {
  const pglite = await PGlite.create({ extensions });
  return serve(pglite, 0, async () => {});
}

async function serve(pglite: PGlite, port: number, onStop: () => Promise<void>): Promise<EmbeddedPostgres> {
  // The socket server multiplexes connections onto PGlite's single session and keeps each exchange and each open
  // transaction's queries together (lib/db/embedded-socket-server.ts), so a small pool behaves like a real server's.
  const server = await serveOverSocket(pglite, port, 20);
  const url = `postgresql://postgres@127.0.0.1:${server.port}/postgres?sslmode=disable&application_name=${EMBEDDED_APPLICATION_NAME}`;
  return {
    url,
    stop: async () => {
      await onStop();
      await server.stop();
      await pglite.close();
    },
  };
}

export async function startEmbeddedPostgres(options: { dataDir?: string; port?: number } = {}): Promise<EmbeddedPostgres> {
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  const running = findRunningEmbeddedPostgres(dataDir);
  if (running) throw new Error(`the embedded database in ${dataDir} is already served at ${running}`);
  mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create({ dataDir: join(dataDir, "pglite"), extensions });
  const embedded = await serve(pglite, options.port ?? 0, async () => rmSync(stateFile(dataDir), { force: true }));
  writeFileSync(stateFile(dataDir), JSON.stringify({ pid: process.pid, url: embedded.url }));
  return embedded;
}
