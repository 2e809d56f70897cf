/**
 * Concurrent calls of one statement, sent to PostgreSQL together: while a few groups are in flight, new calls
 * wait and leave as the next group, in one round trip. On the ledger's hot path most of the app's CPU for a
 * movement went into its round trips (a write to the database's socket and waking its backend) rather than
 * into the statements, and most of the database's into starting and committing one small transaction per
 * movement (docs/BENCHMARKS.md). When the app is idle a call leaves at once, alone, so grouping adds no wait.
 *
 * Built on DataLoader (batching, per-call results and errors, a size cap) with the cache turned off: each call
 * is a write or must see the latest rows. What this adds is when a group leaves: not after a fixed delay but
 * as soon as one of the in-flight groups comes back.
 */
import DataLoader from "dataloader";
import type pg from "pg";
import { signalCommit } from "./commit-signal";

export type GroupedCalls<In, Out> = { call: (input: In) => Promise<Out> };

export type GroupOptions = {
  /** Groups in flight at once; a call made while all are out joins the next group. */
  inFlight: number;
  /** The most calls in one group. */
  maxGroup: number;
};

/**
 * `runGroup` gets the inputs of one group and answers each, in order, with its result or its own Error; if it
 * throws, every call of the group fails with that error.
 */
export function groupedCalls<In, Out>(runGroup: (inputs: readonly In[]) => Promise<(Out | Error)[]>, options: GroupOptions): GroupedCalls<In, Out> {
  let out = 0;
  const waiting: (() => void)[] = [];
  const leave = (dispatch: () => void) => {
    out++;
    dispatch();
  };
  const cameBack = () => {
    out--;
    const next = waiting.shift();
    if (next) leave(next);
  };
  // A group is one transaction of writes (postings, reservations): its commit may have queued events.
  const loader = new DataLoader<In, Out>((inputs) => runGroup(inputs).finally(() => (cameBack(), signalCommit())), {
    cache: false,
    maxBatchSize: options.maxGroup,
    // DataLoader asks when to send a group as soon as the group is opened; let the calls of this tick join it.
    batchScheduleFn: (dispatch) => process.nextTick(() => (out < options.inFlight ? leave(dispatch) : waiting.push(dispatch))),
  });
  return { call: (input) => loader.load(input) };
}

/**
 * Grouped calls of one statement on each pool, made on a pool's first call: a group goes over one connection,
 * so groups never mix databases. `runGroup` gets the pool and the group's inputs.
 */
export function groupedCallsPerPool<In, Out>(
  runGroup: (pool: pg.Pool, inputs: readonly In[]) => Promise<(Out | Error)[]>,
  options: GroupOptions,
): (pool: pg.Pool) => GroupedCalls<In, Out> {
  const ofPool = new WeakMap<pg.Pool, GroupedCalls<In, Out>>();
  return (pool) => {
    let grouped = ofPool.get(pool);
    if (!grouped) {
      grouped = groupedCalls<In, Out>((inputs) => runGroup(pool, inputs), options);
      ofPool.set(pool, grouped);
    }
    return grouped;
  };
}
