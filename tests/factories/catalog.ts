// Builds suppliers, items and barcodes for catalogue tests, through the same lib functions the app uses.
import { SYSTEM_ACTOR } from "../../lib/auth/actor";
import { createItem } from "../../lib/catalog/create-item";
import type { ItemInput } from "../../lib/catalog/schemas";
import type { Db } from "../../lib/db/client";
import { gs1CheckDigit } from "../../lib/gs1/check-digit";

let sequence = 0;
const unique = () => `${Date.now().toString(36)}${(sequence++).toString(36)}`.toUpperCase();
let gtinSequence = 0;

/** A GTIN-13 with a correct check digit, different on every call. */
export function validGtin13(): string {
  const body = `20${String(Date.now() % 1_000_000).padStart(6, "0")}${String(gtinSequence++ % 10_000).padStart(4, "0")}`;
  return `${body}${gs1CheckDigit(body)}`;
}

/** The same GTIN with its last digit changed, so its check digit is wrong. */
export function withWrongCheckDigit(gtin: string): string {
  return `${gtin.slice(0, -1)}${(Number(gtin.at(-1)) + 1) % 10}`;
}

// No use case creates suppliers yet, so the factory writes the row itself.
export async function buildSupplier(db: Db, code = `SUP${unique()}`) {
  return db.supplier.create({ data: { code, name: `Supplier ${code}` } });
}

export async function buildItem(db: Db, overrides: Partial<ItemInput> = {}) {
  return createItem(db, SYSTEM_ACTOR, { sku: `IT-${unique()}`, name: "Test item", ...overrides });
}
