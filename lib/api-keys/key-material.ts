import { createHash, randomBytes } from "node:crypto";

/** Keys are 256 random bits, so a fast hash is enough to store them (unlike passwords, nothing to brute-force). */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function newApiKey(): string {
  return `sr_${randomBytes(32).toString("base64url")}`;
}

export function keyPrefix(key: string): string {
  return key.slice(0, 10);
}
