import { createHmac, randomBytes } from "node:crypto";

/**
 * Standard Webhooks (https://www.standardwebhooks.com): secrets are "whsec_" + base64 of random bytes; each
 * request carries webhook-id, webhook-timestamp (unix seconds) and webhook-signature "v1,<base64 HMAC-SHA256
 * of '{id}.{timestamp}.{body}'>", keyed with the secret's decoded bytes. Consumers verify with the
 * standardwebhooks or svix libraries.
 */
export const SECRET_PREFIX = "whsec_";

export function newWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString("base64");
}

export function webhookSignature(secret: string, id: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(secret.slice(SECRET_PREFIX.length), "base64");
  return "v1," + createHmac("sha256", key).update(`${id}.${timestampSeconds}.${body}`).digest("base64");
}

/** The headers of one signed request. */
export function signedHeaders(secret: string, id: string, sentAt: Date, body: string): Record<string, string> {
  const timestamp = Math.floor(sentAt.getTime() / 1000);
  return {
    "content-type": "application/json",
    "webhook-id": id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": webhookSignature(secret, id, timestamp, body),
  };
}
