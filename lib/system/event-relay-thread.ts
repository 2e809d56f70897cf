/**
 * The app's event relay in a thread of its own (a worker thread of the server's process, so still no extra process
 * to start). In the server's thread every round trip of a relay pass waited behind the requests' work in the one
 * event loop: under the ledger benchmark's load a pass took 150–825 ms and events reached NATS 1.2–1.8 s after
 * their commit (p99); in a thread of its own, under 0.4 s (docs/BENCHMARKS.md).
 *
 * The server's thread tells the relay's thread of each commit (coalesced per turn of its event loop), and shows
 * the NATS status that thread reports. If the thread cannot start or ends, the relay runs in the server's thread.
 */
import { parentPort, workerData, type Worker } from "node:worker_threads";
import { onCommit, signalCommit } from "../db/commit-signal";
import { adoptNatsStatus, natsStatus, type NatsStatus } from "../events/publish-to-nats";
import { scriptPath, startScriptThread } from "../script-thread";
import { startAppEventRelay } from "./app-event-relay";

/**
 * In its own thread a stage is not held up by requests, so with a short gap it runs a pass for every few writes:
 * at 50 ms the ledger kept 49% of its throughput with consumers (one run), at 200 ms 58–80%, delivery within 0.4 s.
 */
const THREAD_MIN_GAP_MS = 200;
const COMMITTED = "committed";
const STATUS_CHECK_MS = 250;

type ThreadData = { databaseUrl: string };
type ThreadMessage = { nats: NatsStatus };

const THREAD_ENTRY = scriptPath("event-relay-thread.mjs");

/**
 * In the server's thread: starts the relay's thread, or the relay itself when the thread cannot run. Answers
 * the function that stops whichever runs. `entry`: the thread's script (tests give one that fails).
 */
export function startEventRelayThread(databaseUrl: string, entry = THREAD_ENTRY): () => Promise<void> {
  let stopping = false;
  let stopInThisThread: (() => Promise<void>) | undefined;
  const relayInThisThread = (why: unknown) => {
    console.error("events: relaying in the server's thread:", why);
    stopInThisThread = startAppEventRelay(databaseUrl);
  };
  let worker: Worker;
  try {
    worker = startScriptThread(entry, { databaseUrl } satisfies ThreadData);
  } catch (error) {
    relayInThisThread(error);
    return () => stopInThisThread!();
  }
  let told = false;
  const stopTelling = onCommit(() => {
    if (told) return;
    told = true;
    setImmediate(() => {
      told = false;
      worker.postMessage(COMMITTED);
    });
  });
  worker.on("message", (message: ThreadMessage) => adoptNatsStatus(message.nats));
  worker.on("error", (error) => console.error("the event relay's thread failed", error));
  worker.on("exit", (code) => {
    stopTelling();
    if (!stopping) relayInThisThread(`its thread ended (exit code ${code})`);
  });
  return async () => {
    stopping = true;
    stopTelling();
    await worker.terminate();
    await stopInThisThread?.();
  };
}

/** In the relay's thread (scripts/event-relay-thread.mjs): relays until the process ends. */
export function runInRelayThread(): void {
  const server = parentPort;
  if (!server) throw new Error("runInRelayThread runs in the event relay's worker thread only");
  const { databaseUrl } = workerData as ThreadData;
  startAppEventRelay(databaseUrl, { minGapMs: THREAD_MIN_GAP_MS });
  server.on("message", (message) => {
    if (message === COMMITTED) signalCommit();
  });
  let reported = "";
  const report = () => {
    const seen = natsStatus();
    const text = JSON.stringify(seen);
    if (text === reported) return;
    reported = text;
    server.postMessage({ nats: seen } satisfies ThreadMessage);
  };
  report();
  setInterval(report, STATUS_CHECK_MS).unref();
}
