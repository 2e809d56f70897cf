/**
 * Channel credentials and webhook secrets at rest: AES-256-GCM under STOCKROOM_ENCRYPTION_KEY (32 bytes, base64 or
 * hex). When unset, a key is generated once into the data folder, as the session secret is (scripts/start.ts), so
 * an install works without configuration and keeps reading what it stored. Stored form: `v1.<iv>.<tag>.<data>`
 * (base64url), so a later key rotation can tell versions apart.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const KEY_FILE = "encryption-key";
let cachedKey: Buffer | null = null;

function dataDir() {
  // The same folder lib/db/embedded-postgres.ts keeps the database in (not imported: that module loads PGlite).
  return resolve(process.cwd(), process.env.STOCKROOM_DATA_DIR ?? "data");
}

function decodeKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  if (key.length !== 32) throw new Error("STOCKROOM_ENCRYPTION_KEY must be 32 bytes, as base64 or 64 hex digits");
  return key;
}

export function encryptionKey(): Buffer {
  if (cachedKey) return cachedKey;
  const fromEnv = process.env.STOCKROOM_ENCRYPTION_KEY;
  if (fromEnv) return (cachedKey = decodeKey(fromEnv));
  const file = join(dataDir(), KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(dataDir(), { recursive: true });
    // "wx": two processes starting at once must not each write a key; the loser reads the winner's.
    try {
      writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return (cachedKey = decodeKey(readFileSync(file, "utf8")));
}

export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", encryptionKey(), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), data].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

export function decryptSecret(stored: string): string {
  const [version, iv, tag, data] = stored.split(".");
  if (version !== "v1" || !iv || !tag || data === undefined) throw new Error("not a stored channel secret");
  const decipher = createDecipheriv("aes-256-gcm", encryptionKey(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}
