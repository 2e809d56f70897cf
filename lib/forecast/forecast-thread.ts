/**
 * Large forecast calls run in a worker thread of the server's process: forecasting is pure CPU, and a call of
 * thousands of series (tens of seconds, more when a model is learnt across them) would otherwise hold the server's
 * one JavaScript thread, and every other request, for all that time. Small calls run in place: starting a thread
 * and loading lib's sources into it costs more than they do.
 */
import { parentPort, workerData, type Worker } from "node:worker_threads";
import { scriptPath, startScriptThread } from "../script-thread";
import { ForecastAbandoned } from "./errors";
import { checkForecastInput, forecastChecked } from "./forecast-many";
import { GLOBAL_MODEL } from "./global-model";
import type { ForecastAnswer, ForecastInput } from "./schemas";

const THREAD_ENTRY = scriptPath("forecast-thread.mjs");
/** Observed values above which a call goes to a thread: about 1,000 monthly series, or a model to learn. */
const IN_PLACE_MAX_VALUES = 30_000;

type ThreadAnswer = { answer: ForecastAnswer } | { error: string };
type Outcome = ThreadAnswer | { threadFailed: unknown } | { abandoned: true };
export type ThreadOptions = {
  /** The request's signal: when the caller leaves, the thread is stopped (or never started) and the call ends. */
  signal?: AbortSignal;
  /** The thread's script; tests give fakes. */
  entry?: string;
};

function worthAThread(input: ForecastInput): boolean {
  const values = input.series.reduce((sum, s) => sum + s.values.length, 0);
  return values > IN_PLACE_MAX_VALUES || input.series.length >= GLOBAL_MODEL.minimumSeries;
}

/**
 * forecastMany, in a worker thread when the call is large. Bad input throws ForecastInputInvalid in this thread.
 * A thread that cannot start or dies is logged and the call is answered in place, slower but answered; a
 * forecast that fails in the thread fails the call, as it would in place.
 */
export async function forecastManyOffThread(input: ForecastInput, options: ThreadOptions = {}): Promise<ForecastAnswer> {
  const { signal, entry = THREAD_ENTRY } = options;
  checkForecastInput(input);
  if (!worthAThread(input)) return forecastChecked(input);
  const outcome = await oneThreadAtATime(() => (signal?.aborted ? Promise.resolve({ abandoned: true as const }) : inThread(input, entry, signal)));
  if ("answer" in outcome) return outcome.answer;
  if ("abandoned" in outcome) throw new ForecastAbandoned();
  if ("error" in outcome) throw new Error(`forecast thread: ${outcome.error}`);
  console.error("forecasts: answering in the server's thread:", outcome.threadFailed);
  return forecastChecked(input);
}

/**
 * Large calls take their turn: on two cores a second thread would only halve the speed of both, and each thread
 * loads its own copy of lib's sources.
 */
let queue: Promise<unknown> = Promise.resolve();
function oneThreadAtATime<T>(run: () => Promise<T>): Promise<T> {
  const turn = queue.then(run, run);
  queue = turn.catch(() => undefined);
  return turn;
}

function inThread(input: ForecastInput, entry: string, signal: AbortSignal | undefined): Promise<Outcome> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = startScriptThread(entry, input);
    } catch (error) {
      return resolve({ threadFailed: error });
    }
    const abandon = () => {
      resolve({ abandoned: true });
      void worker.terminate();
    };
    signal?.addEventListener("abort", abandon, { once: true });
    const settle = (outcome: Outcome) => {
      signal?.removeEventListener("abort", abandon);
      resolve(outcome);
      void worker.terminate();
    };
    worker.once("message", (message: ThreadAnswer) => settle(message));
    worker.once("error", (error) => settle({ threadFailed: error }));
    worker.once("exit", (code) => settle({ threadFailed: new Error(`the thread ended with exit code ${code} before answering`) }));
  });
}

/** In the worker thread (scripts/forecast-thread.mjs): forecasts the call it was given and posts the answer. */
export function runInForecastThread(): void {
  const server = parentPort;
  if (!server) throw new Error("runInForecastThread runs in a forecast worker thread only");
  let message: ThreadAnswer;
  try {
    message = { answer: forecastChecked(workerData as ForecastInput) };
  } catch (error) {
    message = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  server.postMessage(message);
}
