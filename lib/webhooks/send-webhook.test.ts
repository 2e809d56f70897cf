import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { longestAttemptMs, sendWebhook } from "./send-webhook";
import { newWebhookSecret, webhookSignature } from "./signing";

type Received = { headers: IncomingMessage["headers"]; body: string };

const received: Received[] = [];
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      if (request.url === "/moved") response.writeHead(302, { location: "/hook" }).end();
      else if (request.url === "/broken") response.writeHead(500).end("database   down\n");
      else if (request.url === "/large") response.writeHead(200).end("x".repeat(200_000));
      else if (request.url === "/silent")
        return; // takes the request and never answers
      else if (request.url === "/dribble") dribble(response);
      else response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

/** Answers 200 at once, then a byte every 20 ms and never ends: no pause is long enough to time out. */
function dribble(response: ServerResponse) {
  response.writeHead(200, { "content-type": "text/plain" }).flushHeaders();
  const timer = setInterval(() => response.write("."), 20);
  response.on("close", () => clearInterval(timer));
}

afterAll(() => {
  server.closeAllConnections(); // the sender keeps its connections alive
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

const secret = newWebhookSecret();
const options = { allowPrivate: true, timeoutMs: 2_000 };

describe("sendWebhook", () => {
  it("posts the event as JSON, signed as Standard Webhooks says, and counts a 2xx as delivered", async () => {
    const outcome = await sendWebhook({ url: `${base}/hook`, secret }, { id: "evt_1", type: "stock.changed" } as never, options);
    expect(outcome).toMatchObject({ delivered: true, responseStatus: 204, error: null });
    const last = received.at(-1)!;
    expect(JSON.parse(last.body)).toEqual({ id: "evt_1", type: "stock.changed" });
    expect(last.headers["content-type"]).toBe("application/json");
    expect(last.headers["webhook-id"]).toBe("evt_1");
    const timestamp = Number(last.headers["webhook-timestamp"]);
    expect(last.headers["webhook-signature"]).toBe(webhookSignature(secret, "evt_1", timestamp, last.body));
  });

  it("does not follow a redirect: it is a failure that says to give the final URL", async () => {
    const before = received.length;
    const outcome = await sendWebhook({ url: `${base}/moved`, secret }, { id: "evt_2" }, options);
    expect(outcome).toMatchObject({ delivered: false, responseStatus: 302, error: expect.stringContaining("redirects are not followed") });
    expect(received.length).toBe(before + 1);
  });

  it("records a failing answer's status and its first words, and a large answer is still read to its end or cut", async () => {
    expect(await sendWebhook({ url: `${base}/broken`, secret }, { id: "evt_3" }, options)).toMatchObject({
      delivered: false,
      responseStatus: 500,
      error: "Answered 500: database down",
    });
    expect(await sendWebhook({ url: `${base}/large`, secret }, { id: "evt_4" }, options)).toMatchObject({ delivered: true, responseStatus: 200 });
  });

  it("gives up on a receiver that takes the request and never answers, after the timeout", async () => {
    const outcome = await sendWebhook({ url: `${base}/silent`, secret }, { id: "evt_7" }, { ...options, timeoutMs: 300 });
    expect(outcome).toMatchObject({ delivered: false, responseStatus: null, error: "No answer within 0.3 s" });
    expect(outcome.responseMs).toBeGreaterThanOrEqual(290);
    expect(outcome.responseMs).toBeLessThan(longestAttemptMs(300));
  });

  it("stops reading an answer that never ends once the timeout has passed (a slow receiver cannot hold the sender)", async () => {
    const outcome = await sendWebhook({ url: `${base}/dribble`, secret }, { id: "evt_8" }, { ...options, timeoutMs: 300 });
    expect(outcome).toMatchObject({ delivered: true, responseStatus: 200, error: null });
    expect(outcome.responseMs).toBeGreaterThanOrEqual(290);
    expect(outcome.responseMs).toBeLessThan(longestAttemptMs(300));
  });

  it("answers an outcome, never throws, when nothing listens at the address", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const outcome = await sendWebhook({ url: `http://127.0.0.1:${port}/hook`, secret }, { id: "evt_5" }, options);
    expect(outcome).toMatchObject({ delivered: false, responseStatus: null, error: "Could not connect: ECONNREFUSED" });
  });

  it("refuses a private address unless the installation allows them, before any request", async () => {
    const before = received.length;
    const outcome = await sendWebhook({ url: `${base}/hook`, secret }, { id: "evt_6" }, { ...options, allowPrivate: false });
    expect(outcome).toMatchObject({ delivered: false, responseStatus: null, error: expect.stringMatching(/^Refused: .*loopback/) });
    expect(received.length).toBe(before);
  });

  it("does not check the URL again when the caller just did (once for a batch of deliveries)", async () => {
    const outcome = await sendWebhook({ url: `${base}/hook`, secret }, { id: "evt_7" }, { ...options, allowPrivate: false, urlJustChecked: true });
    expect(outcome).toMatchObject({ delivered: true, responseStatus: 204 });
  });
});
