import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR, type Actor } from "../auth/actor";
import { ValidationFailed } from "../domain-error";
import { getDb } from "./client";
import { idempotencyKeyOf, IdempotencyKeyReused, purgeExpiredKeys } from "./idempotency-key";
import { inUnitOfWork, RetryableConflict, unitOfWork } from "./unit-of-work";

const db = getDb();
let sequence = 0;
const actor = (): Actor => ({ ...SYSTEM_ACTOR, type: "apiKey", id: `unit-test-${process.pid}-${sequence++}` });
const keyFor = (who: Actor, key: string, body = "{}") => idempotencyKeyOf(who, { key, method: "POST", path: "/test", body });

/** A row per effect, so a test can count what the work really did. */
async function effects(tag: string) {
  return db.auditEntry.count({ where: { action: "test.effect", entityId: tag } });
}
async function effect(tx: Parameters<Parameters<typeof unitOfWork>[1]>[0], tag: string) {
  await tx.auditEntry.create({ data: { actorType: "system", actorLabel: "test", action: "test.effect", entityType: "test", entityId: tag } });
  return { tag, at: Date.now() };
}

describe("inUnitOfWork with an idempotency key", () => {
  it("acts once: a retry gets the stored answer, the same key for another request is refused", async () => {
    const who = actor();
    const tag = `once-${sequence}`;
    const first = await inUnitOfWork(db, { idempotency: keyFor(who, "k1") }, (tx) => effect(tx, tag));
    const retry = await inUnitOfWork(db, { idempotency: keyFor(who, "k1") }, (tx) => effect(tx, tag));
    expect(first.replayed).toBe(false);
    expect(retry).toEqual({ replayed: true, stored: (first as { value: unknown }).value });
    await expect(inUnitOfWork(db, { idempotency: keyFor(who, "k1", '{"other":1}') }, (tx) => effect(tx, tag))).rejects.toBeInstanceOf(
      IdempotencyKeyReused,
    );
    expect(await effects(tag)).toBe(1);
  });

  it("keeps keys per caller: another caller's same key is a new write", async () => {
    const tag = `per-caller-${sequence}`;
    await inUnitOfWork(db, { idempotency: keyFor(actor(), "shared") }, (tx) => effect(tx, tag));
    await inUnitOfWork(db, { idempotency: keyFor(actor(), "shared") }, (tx) => effect(tx, tag));
    expect(await effects(tag)).toBe(2);
  });

  it("lets twins in flight act once: the second waits for the first and answers its result", async () => {
    const who = actor();
    const tag = `twins-${sequence}`;
    const results = await Promise.all(
      Array.from({ length: 8 }, () => inUnitOfWork(db, { idempotency: keyFor(who, "twin") }, (tx) => effect(tx, tag))),
    );
    expect(await effects(tag)).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
  });

  it("leaves no key behind when the work fails, refused or crashed, so a retry acts", async () => {
    const who = actor();
    const tag = `fails-${sequence}`;
    const refused = inUnitOfWork(db, { idempotency: keyFor(who, "f") }, async (tx) => {
      await effect(tx, tag);
      throw new ValidationFailed([{ field: "x", message: "no" }]);
    });
    await expect(refused).rejects.toBeInstanceOf(ValidationFailed);
    const crashed = inUnitOfWork(db, { idempotency: keyFor(who, "f") }, async (tx) => {
      await effect(tx, tag);
      throw new Error("the process fell over here");
    });
    await expect(crashed).rejects.toThrow("fell over");
    expect(await db.idempotencyRecord.count({ where: { actorKey: `apiKey:${who.id}` } })).toBe(0);
    const retried = await inUnitOfWork(db, { idempotency: keyFor(who, "f") }, (tx) => effect(tx, tag));
    expect(retried.replayed).toBe(false);
    expect(await effects(tag)).toBe(1);
  });

  it("stores the answer without its secrets when told what they are", async () => {
    const who = actor();
    await inUnitOfWork(
      db,
      { idempotency: keyFor(who, "s"), storedAnswer: (answer: { secret: string }) => ({ ...answer, secret: null }) },
      async () => ({
        secret: "sk_live_do_not_keep",
      }),
    );
    const record = await db.idempotencyRecord.findFirstOrThrow({ where: { actorKey: `apiKey:${who.id}` } });
    expect(JSON.stringify(record)).not.toContain("sk_live_do_not_keep");
  });

  it("treats a key past its time to live as new, and purges such keys", async () => {
    const who = actor();
    const tag = `ttl-${sequence}`;
    await inUnitOfWork(db, { idempotency: keyFor(who, "old") }, (tx) => effect(tx, tag));
    await db.idempotencyRecord.updateMany({ where: { actorKey: `apiKey:${who.id}` }, data: { createdAt: new Date(Date.now() - 8 * 86_400_000) } });
    const again = await inUnitOfWork(db, { idempotency: keyFor(who, "old") }, (tx) => effect(tx, tag));
    expect(again.replayed).toBe(false);
    expect(await effects(tag)).toBe(2);
    await db.idempotencyRecord.updateMany({ where: { actorKey: `apiKey:${who.id}` }, data: { createdAt: new Date(Date.now() - 8 * 86_400_000) } });
    expect(await purgeExpiredKeys(db)).toBeGreaterThanOrEqual(1);
    expect(await db.idempotencyRecord.count({ where: { actorKey: `apiKey:${who.id}` } })).toBe(0);
  });
});

describe("units inside units", () => {
  it("join the caller's transaction: everything commits or nothing does", async () => {
    const tag = `joined-${sequence}`;
    await expect(
      unitOfWork(db, async (tx) => {
        await effect(tx, tag);
        await unitOfWork(tx, (inner) => effect(inner, tag));
        throw new Error("the caller fails after its inner unit succeeded");
      }),
    ).rejects.toThrow();
    expect(await effects(tag)).toBe(0);
  });

  it("undo only their own work when they fail, leaving the caller's transaction usable", async () => {
    const tag = `savepoint-${sequence}`;
    await unitOfWork(db, async (tx) => {
      await effect(tx, tag);
      await unitOfWork(tx, async (inner) => {
        await effect(inner, tag);
        await inner.$executeRawUnsafe("SELECT 1/0"); // a failed statement aborts the transaction, but for the savepoint
      }).catch(() => "reported and carried on");
      await effect(tx, tag);
    });
    expect(await effects(tag)).toBe(2);
  });

  it("are retried only at the outermost level", async () => {
    let inner = 0;
    let outer = 0;
    await expect(
      unitOfWork(
        db,
        async (tx) => {
          outer++;
          await unitOfWork(tx, async () => {
            inner++;
            throw RetryableConflict.of(new ValidationFailed([{ field: "stock", message: "moved meanwhile" }]));
          });
        },
        { attempts: 3 },
      ),
    ).rejects.toBeInstanceOf(ValidationFailed);
    // Each of the outer unit's three attempts ran the inner work once: the inner unit never retried in place.
    expect({ outer, inner }).toEqual({ outer: 3, inner: 3 });
  });

  it("retry a deadlock from scratch and succeed when the conflict is gone", async () => {
    let attempts = 0;
    const answer = await unitOfWork(db, async () => {
      attempts++;
      if (attempts === 1) throw Object.assign(new Error("deadlock detected"), { code: "40P01", severity: "ERROR" });
      return "done";
    });
    expect({ answer, attempts }).toEqual({ answer: "done", attempts: 2 });
  });
});
