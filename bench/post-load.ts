// The load both HTTP benchmarks put on a route: autocannon POSTing JSON with the bench's API key, a fresh body
// per request, and (for routes that keep replays) a fresh Idempotency-Key per request.
import { randomUUID } from "node:crypto";
import autocannon from "autocannon";

export type PostLoad = {
  url: string;
  key: string;
  path: string;
  body: () => unknown;
  duration: number;
  connections: number;
  idempotencyKeys?: boolean;
};

export function postLoad(load: PostLoad): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(
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
  });
}
