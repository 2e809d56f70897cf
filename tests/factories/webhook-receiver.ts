// A local HTTP receiver for webhook tests: records every request, verifies it with the standardwebhooks
// library, and answers what the test says (500 to play a receiver that is down).
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export type Received = { id: string; headers: IncomingHttpHeaders; body: string; verified: boolean; answered: number };

export async function startWebhookReceiver(options: { delayMs?: number } = {}) {
  const received: Received[] = [];
  let secret: string | null = null;
  let answer = 200;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let verified = false;
      try {
        if (secret) new Webhook(secret).verify(body, request.headers as Record<string, string>);
        verified = secret !== null;
      } catch {
        verified = false;
      }
      received.push({ id: String(request.headers["webhook-id"]), headers: request.headers, body, verified, answered: answer });
      setTimeout(() => response.writeHead(answer).end(answer < 300 ? "ok" : "down"), options.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    /** Requests answered 2xx, in the order they arrived. */
    delivered: () => received.filter((r) => r.answered < 300),
    verifyWith(webhookSecret: string) {
      secret = webhookSecret;
    },
    answerWith(status: number) {
      answer = status;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
