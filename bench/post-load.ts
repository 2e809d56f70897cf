// The load both HTTP benchmarks put on a route: autocannon POSTing JSON with the bench's API key, a fresh body
// per request, and (for routes that keep replays) a fresh Idempotency-Key per request.
import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import { percentile } from "./percentile";

export type PostLoad = {
  url: string;
  key: string;
  path: string;
  body: () => unknown;
  duration: number;
  connections: number;
  idempotencyKeys?: boolean;
};

type OnResponse = (statusCode: number, milliseconds: number) => void;

export function postLoad(load: PostLoad, onResponse?: OnResponse): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: load.url,
        connections: load.connections,
        duration: load.duration,
        requests: [
          {
            method: "POST",
            path: load.path,
            headers: { "content-type": "application/json", authorization: `Bearer ${load.key}` },
            setupRequest: (req) => ({
              ...req,
              headers: load.idempotencyKeys ? { ...req.headers, "idempotency-key": randomUUID() } : req.headers,
              body: JSON.stringify(load.body()),
            }),
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    if (onResponse) instance.on("response", (_client, statusCode, _bytes, milliseconds) => onResponse(statusCode, milliseconds));
  });
}

export type SettledLoad = {
  /** autocannon's figures over the whole run, the settling seconds included. */
  whole: autocannon.Result;
  /** Answers per status code in the measured seconds. */
  statusCounts: Map<number, number>;
  answered: number;
  p50: number;
  p99: number;
};

/**
 * The load for `settleSeconds` unmeasured, then `load.duration` seconds measured. 64 connections opened at once
 * on a saturated Node server are taken in over about 2 s (a bare `http` server doing 1 ms of work per request
 * saw their 'connection' events spread over 1.9 s, further apart as more were served), so their first answers come
 * up to 2 s late: in a 10 s window those ~50 answers alone set the p99. `onMeasuring` is called as the measured
 * seconds start.
 */
export async function postLoadSettled(load: PostLoad, settleSeconds: number, onMeasuring: () => void): Promise<SettledLoad> {
  let measuring = false;
  const latencies: number[] = [];
  const statusCounts = new Map<number, number>();
  const timer = setTimeout(() => {
    measuring = true;
    onMeasuring();
  }, settleSeconds * 1000);
  const whole = await postLoad({ ...load, duration: load.duration + settleSeconds }, (statusCode, milliseconds) => {
    if (!measuring) return;
    latencies.push(milliseconds);
    statusCounts.set(statusCode, (statusCounts.get(statusCode) ?? 0) + 1);
  }).finally(() => clearTimeout(timer));
  latencies.sort((a, b) => a - b);
  return {
    whole,
    statusCounts,
    answered: latencies.length,
    p50: Math.round(percentile(latencies, 0.5)),
    p99: Math.round(percentile(latencies, 0.99)),
  };
}
