import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "../db/client";
import { purgeOldEvents } from "./purge-old-events";

const db = getDb();
const days = (n: number) => new Date(Date.now() - n * 86_400_000);

async function addEvent(recordedAt: Date, subject: string) {
  return db.event.create({
    data: { id: crypto.randomUUID(), type: "item.updated", subject, sequence: 1, occurredAt: recordedAt, recordedAt, outboxId: 0n, data: {} },
  });
}

afterEach(() => {
  delete process.env.STOCKROOM_EVENT_RETENTION_DAYS;
});

describe("purgeOldEvents", () => {
  it("deletes events past retention and keeps the rest", async () => {
    const old = await addEvent(days(31), "item:OLD");
    const kept = await addEvent(days(29), "item:KEPT");
    await purgeOldEvents(db);
    expect(await db.event.findUnique({ where: { position: old.position } })).toBeNull();
    expect(await db.event.findUnique({ where: { position: kept.position } })).not.toBeNull();
  });

  it("follows STOCKROOM_EVENT_RETENTION_DAYS", async () => {
    process.env.STOCKROOM_EVENT_RETENTION_DAYS = "2";
    const gone = await addEvent(days(3), "item:GONE");
    await purgeOldEvents(db);
    expect(await db.event.findUnique({ where: { position: gone.position } })).toBeNull();
  });
});
