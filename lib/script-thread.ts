import { Worker } from "node:worker_threads";
import { join } from "node:path";

/**
 * Worker threads of the server's process that run one of `scripts/*.mjs`: each loads lib's TypeScript through tsx,
 * outside the server's bundle (the event relay's thread, a large forecast's).
 */
export function scriptPath(name: string): string {
  return join(process.cwd(), "scripts", name);
}

/** Starts the thread. Constructed indirectly so that the server's bundler leaves the entry alone. Throws if it cannot. */
export function startScriptThread(entry: string, workerData: unknown): Worker {
  return Reflect.construct(Worker, [entry, { workerData }]) as Worker;
}
