// Argon2id (memory-hard) from @node-rs/argon2: prebuilt native binaries in the npm package, no install
// script, well maintained. Parameters are the library's defaults (OWASP's recommended Argon2id settings).
import { hash, verify } from "@node-rs/argon2";

export const MIN_PASSWORD_LENGTH = 8;

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash is a failed sign-in, not a crash
  }
}
