import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { retryAfterMs } from "./platform-http";
import { isSignedBy } from "./receive-channel-webhook";

describe("retryAfterMs", () => {
  it("reads seconds, Shopify's decimal seconds and an HTTP date", () => {
    expect(retryAfterMs("3")).toBe(3_000);
    expect(retryAfterMs("2.0")).toBe(2_000);
    const at = new Date(Date.now() + 60_000).toUTCString();
    expect(retryAfterMs(at)).toBeGreaterThan(55_000);
  });

  it("waits a default when the header is missing or nonsense", () => {
    expect(retryAfterMs(null)).toBe(2_000);
    expect(retryAfterMs("soon")).toBe(2_000);
  });
});

describe("isSignedBy", () => {
  const body = new TextEncoder().encode('{"id":1}');
  const good = createHmac("sha256", "s3cret").update(body).digest("base64");

  it("accepts the base64 HMAC-SHA256 of the raw body under the secret", () => {
    expect(isSignedBy("s3cret", body, good)).toBe(true);
  });

  it("refuses another secret, a changed body, a truncated or missing signature", () => {
    expect(isSignedBy("other", body, good)).toBe(false);
    expect(isSignedBy("s3cret", new TextEncoder().encode('{"id":2}'), good)).toBe(false);
    expect(isSignedBy("s3cret", body, good.slice(0, 10))).toBe(false);
    expect(isSignedBy("s3cret", body, null)).toBe(false);
  });
});
