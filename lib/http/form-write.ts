/**
 * Server actions write through the same unit of work as the API: a form carries a token (components/ui/form-token.tsx,
 * new after every answer), which is the idempotency key of its write. A double tap, or a resubmit after an answer
 * was lost on warehouse Wi-Fi, acts once and gets the first answer again.
 */
import { createHash } from "node:crypto";
import type { Actor } from "../auth/actor";
import { getDb, type Db } from "../db/client";
import { idempotencyKeyOf, type IdempotencyKey } from "../db/idempotency-key";
import { inUnitOfWork } from "../db/unit-of-work";
import { withoutSecrets } from "./api-route";
import { FORM_TOKEN_FIELD } from "./form-state";
import { refuseNulCharacters } from "./nul-guard";

/** The idempotency key of `action` submitted with `form`, or null for a form without a token (no script ran yet). */
export function formKeyOf(actor: Actor, action: string, form: FormData): IdempotencyKey | null {
  refuseNulCharacters({ form: Object.fromEntries([...form.entries()].filter(([, value]) => typeof value === "string")) });
  const token = form.get(FORM_TOKEN_FIELD);
  if (typeof token !== "string" || token === "") return null;
  return idempotencyKeyOf(actor, { key: token, method: "ACTION", path: action, body: fingerprintOf(form) });
}

/** What the form says, independent of field order; files by their content. Next's own `$ACTION_…` fields left out. */
function fingerprintOf(form: FormData): string {
  const entries: string[] = [];
  for (const [name, value] of form.entries()) {
    if (name.startsWith("$")) continue;
    const text = typeof value === "string" ? value : `file:${value.name}:${value.size}`;
    entries.push(`${name}=${text}`);
  }
  return entries.sort().join("\n");
}

export type FormWriteResult<T> = { value: T; replayed: boolean };

/**
 * Runs `write` as one unit of work keyed by the form's token. A replay answers what the first submission stored
 * (JSON, as the API would replay it), minus `secrets`.
 */
export async function inFormUnit<T>(
  actor: Actor,
  action: string,
  form: FormData,
  write: (db: Db) => Promise<T>,
  options: { secrets?: readonly string[] } = {},
): Promise<FormWriteResult<T>> {
  const files = [...form.values()].filter((value): value is File => typeof value !== "string");
  const key = formKeyOf(actor, action, form); // refuses NUL characters too
  const keyWithFiles = key && files.length > 0 ? { ...key, hash: await withFileContents(key.hash, files) } : key;
  const result = await inUnitOfWork<T>(
    getDb(),
    {
      idempotency: keyWithFiles,
      storedAnswer: (answer) => withoutSecrets(answer, options),
      timeoutMs: 120_000,
    },
    (tx) => write(tx as unknown as Db),
  );
  return result.replayed ? { value: result.stored as T, replayed: true } : { value: result.value, replayed: false };
}

async function withFileContents(hash: string, files: File[]): Promise<string> {
  const digest = createHash("sha256").update(hash);
  for (const file of files) digest.update(new Uint8Array(await file.arrayBuffer()));
  return digest.digest("hex");
}
