import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "./channel-secrets";

describe("channel secrets", () => {
  it("round-trips a secret and never stores it in the clear", () => {
    const stored = encryptSecret('{"accessToken":"shpat_123"}');
    expect(stored).not.toContain("shpat_123");
    expect(decryptSecret(stored)).toBe('{"accessToken":"shpat_123"}');
  });

  it("refuses a stored secret that was tampered with", () => {
    const stored = encryptSecret("secret");
    const [v, iv, tag, data] = stored.split(".");
    const flipped = Buffer.from(data, "base64url");
    flipped[0] ^= 1;
    expect(() => decryptSecret([v, iv, tag, flipped.toString("base64url")].join("."))).toThrow();
  });
});
