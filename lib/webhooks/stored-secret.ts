import { decryptSecret, encryptSecret } from "../channels/channel-secrets";

/**
 * Signing secrets (webhook endpoints', suppliers' order webhooks') at rest: sealed with AES-256-GCM under the
 * installation's key, as channel credentials are, so a copy of the database alone cannot forge our signatures.
 * Rows written before secrets were sealed still hold the bare `whsec_…` and are read as they are.
 */
export function sealSigningSecret(secret: string): string {
  return encryptSecret(secret);
}

export function openSigningSecret(stored: string): string {
  return stored.startsWith("whsec_") ? stored : decryptSecret(stored);
}
