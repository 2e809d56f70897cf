// For the RFID integration tests: a warehouse whose serial-tracked item carries a GTIN, units received into
// bin A1 with SGTIN-96 tags, and a reader watching bin A2. Made through the ledger and registerReader.
import { buildWarehouse } from "./stock";
import { SYSTEM_ACTOR } from "../../lib/auth/actor";
import type { Db } from "../../lib/db/client";
import { gs1CheckDigit } from "../../lib/gs1/check-digit";
import { MAX_BATCH, postMovements } from "../../lib/ledger/post-movement";
import { encodeSgtin96 } from "../../lib/rfid/encode-sgtin";
import { registerReader } from "../../lib/rfid/register-reader";

let sequence = 0;

export async function buildTaggedWarehouse(db: Db, options: { received?: number; tagged?: number } = {}) {
  const w = await buildWarehouse(db);
  const itemReference = String((Date.now() + sequence++) % 100_000).padStart(5, "0");
  const body = `0614141${itemReference}`;
  const gtin = `0${body}${gs1CheckDigit(`0${body}`)}`;
  await db.barcode.create({ data: { itemId: w.items.serialised.id, kind: "gtin", code: gtin } });
  const serials = Array.from({ length: options.tagged ?? 3 }, (_, i) => String(1000 + i));
  const received = serials.slice(0, options.received ?? serials.length);
  for (let start = 0; start < received.length; start += MAX_BATCH) {
    const chunk = received.slice(start, start + MAX_BATCH);
    await postMovements(db, SYSTEM_ACTOR, [
      { kind: "receive", sku: w.items.serialised.sku, quantity: chunk.length, serials: chunk, to: w.bins.a1.code, reason: "received" },
    ]);
  }
  const reader = `R-${w.site.code}`;
  await registerReader(db, SYSTEM_ACTOR, { id: reader, location: w.bins.a2.code });
  const epcOf = (serial: string) => encodeSgtin96({ gtin, serial, companyPrefixLength: 7 }).epc;
  return { ...w, gtin, serials, reader, epcOf };
}
