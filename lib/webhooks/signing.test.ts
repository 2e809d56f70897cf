import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { newWebhookSecret, signedHeaders } from "./signing";

describe("Standard Webhooks signing", () => {
  it("signs so that the standardwebhooks library verifies it", () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const body = JSON.stringify({ id: "e1", type: "stock.changed", data: { onHand: 3 } });
    const headers = signedHeaders(secret, "msg_1", new Date(), body);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it("is refused by the library when the body, the id or the secret differ", () => {
    const secret = newWebhookSecret();
    const body = '{"a":1}';
    const headers = signedHeaders(secret, "msg_1", new Date(), body);
    expect(() => new Webhook(secret).verify('{"a":2}', headers)).toThrow();
    expect(() => new Webhook(secret).verify(body, { ...headers, "webhook-id": "msg_2" })).toThrow();
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
  });
});
