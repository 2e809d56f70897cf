// The movement journal on two sites worked out by hand: a transfer shows at both ends, the rest at its own site;
// the item, kind and category filters and the period narrow it; JSON pages it with a cursor.
import { describe, expect, it } from "vitest";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { ensureCategory } from "../catalog/ensure-category";
import { getDb, type DbTx } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { createTransfer } from "../transfers/create-transfer";
import { receiveTransfer } from "../transfers/receive-transfer";
import { shipTransfer } from "../transfers/ship-transfer";
import { runReport } from "./run-report";

const db = getDb();
const today = new Date().toISOString().slice(0, 10);

describe("movement journal report", () => {
  it("lists the period's movements with an end at the site, in the order recorded, narrowed by item, kind and category, a page at a time", async () => {
    const source = await buildWarehouse(db);
    const destination = await buildWarehouse(db);
    const { plain, lotted } = source.items;
    await db.item.update({ where: { id: lotted.id }, data: { categoryId: await ensureCategory(db as unknown as DbTx, "Food") } });
    const post = (input: Record<string, unknown>) => postMovement(db, SYSTEM_ACTOR, input as Parameters<typeof postMovement>[2]);
    const [s, d] = [source.site.code, destination.site.code];

    await post({ kind: "receive", sku: plain.sku, quantity: 6, to: source.bins.a1.code, reason: "received", reference: "PO-1", unitCost: "1.50" }); // 1
    const transfer = await createTransfer(db, SYSTEM_ACTOR, { from: s, to: d, reference: "TR-1", lines: [{ sku: plain.sku, quantity: 2 }] });
    await shipTransfer(db, SYSTEM_ACTOR, transfer.id); // 2: A1 → source transit
    await receiveTransfer(db, SYSTEM_ACTOR, transfer.id, { lines: [{ sku: plain.sku, quantity: 2, to: destination.bins.a1.code }] }); // 3: → destination A1
    await post({ kind: "move", sku: plain.sku, quantity: 2, from: source.bins.a1.code, to: source.bins.a2.code, reason: "putaway" }); // 4
    await post({ kind: "receive", sku: lotted.sku, quantity: 4, to: source.bins.a2.code, reason: "received", lot: "L1", expiresAt: "2031-01-31" }); // 5
    await post({ kind: "issue", sku: plain.sku, quantity: 1, from: source.bins.a1.code, reason: "sold", reference: "SO-1" }); // 6
    await post({ kind: "receive", sku: plain.sku, quantity: 5, to: destination.bins.a2.code, reason: "received" }); // 7: destination only

    const instantToday = expect.stringMatching(new RegExp(`^${today}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$`));
    const line = (
      kind: string,
      item: typeof plain,
      quantity: number,
      from: string,
      to: string,
      lot: string | null,
      reason: string,
      value: string | null,
    ) => ({
      id: expect.stringMatching(/^\d+$/),
      at: instantToday,
      occurredAt: instantToday,
      kind,
      sku: item.sku,
      name: item.name,
      quantity,
      from,
      to,
      lot,
      reason,
      reference: null as string | null,
      actor: "system",
      value,
    });
    // Values: the receipt 6 × 1.50; the shipment stays at the source (its transit location), so it is not valued;
    // the transfer's receipt leaves the source at 2 × 1.50; a move within a site has none; the lotted receipt had
    // no cost (0); the sale 1 × 1.50.
    const atSource = await runReport(db, SYSTEM_ACTOR, "movements", { site: s });
    expect(atSource.data).toEqual([
      { ...line("receive", plain, 6, `${s}-SUPPLIER`, source.bins.a1.code, null, "received", "9.0000"), reference: "PO-1" },
      { ...line("transfer_ship", plain, 2, source.bins.a1.code, `${s}-TRANSIT`, null, "transfer", null), reference: "TR-1" },
      { ...line("transfer_receive", plain, 2, `${s}-TRANSIT`, destination.bins.a1.code, null, "transfer", "3.0000"), reference: "TR-1" },
      line("move", plain, 2, source.bins.a1.code, source.bins.a2.code, null, "putaway", null),
      line("receive", lotted, 4, `${s}-SUPPLIER`, source.bins.a2.code, "L1", "received", "0.0000"),
      { ...line("issue", plain, 1, source.bins.a1.code, `${s}-CUSTOMER`, null, "sold", "1.5000"), reference: "SO-1" },
    ]);
    const ids = atSource.data.map((row) => row.id as string);
    expect(ids.map(Number)).toEqual(ids.map(Number).sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(6);
    expect(atSource.next).toBeNull();

    // The transfer's receipt has one end at each site; the destination's own receipt is its alone.
    const atDestination = await runReport(db, SYSTEM_ACTOR, "movements", { site: d });
    expect(atDestination.data.map((row) => [row.kind, row.quantity])).toEqual([
      ["transfer_receive", 2],
      ["receive", 5],
    ]);
    expect(atDestination.data[0].id).toBe(ids[2]);

    const only = async (filters: Record<string, string>) =>
      (await runReport(db, SYSTEM_ACTOR, "movements", { site: s, ...filters })).data.map((row) => row.id);
    expect(await only({ kind: "issue" })).toEqual([ids[5]]);
    expect(await only({ sku: lotted.sku.toLowerCase() })).toEqual([ids[4]]);
    expect(await only({ category: "Food" })).toEqual([ids[4]]);
    expect(await only({ from: "2020-01-01", to: "2020-12-31" })).toEqual([]);
    await expect(runReport(db, SYSTEM_ACTOR, "movements", { kind: "teleport" })).rejects.toMatchObject({
      issues: [expect.objectContaining({ field: "kind" })],
    });

    // Pages of 4: the first four and a cursor, then the last two and none.
    const first = await runReport(db, SYSTEM_ACTOR, "movements", { site: s }, { limit: 4 });
    expect(first.data.map((row) => row.id)).toEqual(ids.slice(0, 4));
    expect(first.next).toMatch(new RegExp(`^\\d+-${ids[3]}$`));
    const second = await runReport(db, SYSTEM_ACTOR, "movements", { site: s }, { limit: 4, cursor: first.next! });
    expect(second.data.map((row) => row.id)).toEqual(ids.slice(4));
    expect(second.next).toBeNull();
    for (const cursor of ["abc", "12", `1-${ids[3]}x`]) {
      await expect(runReport(db, SYSTEM_ACTOR, "movements", { site: s }, { cursor })).rejects.toMatchObject({
        issues: [expect.objectContaining({ field: "cursor" })],
      });
    }
  });

  it("pages in the order recorded, movements recorded in the same millisecond by id", async () => {
    const w = await buildWarehouse(db);
    const postings: string[] = [];
    for (let n = 1; n <= 6; n++) {
      const posted = await postMovement(db, SYSTEM_ACTOR, {
        kind: "receive",
        sku: w.items.plain.sku,
        quantity: n,
        to: w.bins.a1.code,
        reason: "received",
      });
      postings.push(posted.postingId!);
    }
    // Recorded at (in posting order) +3, +1, +1, +1, +2 and +0 ms past one second of today: a page of 2 ends
    // inside the three at +1 ms.
    const recordedAt = [3, 1, 1, 1, 2, 0];
    await db.$transaction([
      db.$executeRawUnsafe("SET LOCAL session_replication_role = replica"),
      ...postings.map(
        (postingId, n) =>
          db.$executeRaw`UPDATE "StockMovement" SET at = date_trunc('second', now() AT TIME ZONE 'UTC') + ${recordedAt[n]} * interval '1 millisecond' WHERE "postingId" = ${postingId}::uuid`,
      ),
    ]);
    const quantities: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await runReport(db, SYSTEM_ACTOR, "movements", { site: w.site.code }, { limit: 2, ...(cursor ? { cursor } : {}) });
      quantities.push(...page.data.map((row) => Number(row.quantity)));
      cursor = page.next ?? undefined;
    } while (cursor);
    // 6 (+0), then 2, 3, 4 (+1, by id), 5 (+2), 1 (+3).
    expect(quantities).toEqual([6, 2, 3, 4, 5, 1]);
  });
});
