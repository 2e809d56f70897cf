/**
 * The database a script works on: DATABASE_URL when set; else the embedded one, reached through the process
 * already serving it (npm start) or opened here for the length of the script.
 */
import { findRunningEmbeddedPostgres, startEmbeddedPostgres } from "../lib/db/embedded-postgres";

export type ScriptDatabase = { url: string; embedded: boolean; close: () => Promise<void> };

export async function openScriptDatabase(): Promise<ScriptDatabase> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: false, close: async () => {} };
  const running = findRunningEmbeddedPostgres();
  if (running) return { url: running, embedded: true, close: async () => {} };
  const embedded = await startEmbeddedPostgres();
  return { url: embedded.url, embedded: true, close: embedded.stop };
}
