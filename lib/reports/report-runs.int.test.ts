// Background report runs: the runner works a queued run to its file (progress 1, the rows counted), the file is
// the direct CSV download byte for byte, two processes' runners work each run once, a run whose process died is
// taken over, only the caller who asked (or an admin) sees it, and runs older than 7 days go.
import { afterAll, describe, expect, it } from "vitest";
import { buildUser } from "../../tests/factories/access";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { createDb, getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { renderReportFile } from "./render-report";
import { downloadReportRun, getReportRun, purgeOldReportRuns, runQueuedReports, startReportRun } from "./report-runs";
import { exportReport } from "./run-report";

const db = getDb();
const secondProcess = createDb(process.env.DATABASE_URL!);
afterAll(() => secondProcess.$disconnect());

async function warehouseWithMovements(count: number) {
  const w = await buildWarehouse(db);
  for (let i = 0; i < count; i++)
    await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: w.items.plain.sku, quantity: i + 1, to: w.bins.a1.code, reason: "received" });
  return w;
}

describe("background report runs", () => {
  it("queues a run that the runner works to a file equal to the direct CSV, progress 1", async () => {
    const w = await warehouseWithMovements(12);
    const manager = await buildUser(db, "manager");
    const queued = await startReportRun(db, manager.actor, "movements", { format: "csv", site: w.site.code });
    expect(queued).toMatchObject({ name: "movements", format: "csv", status: "queued", progress: 0, rows: 0, finishedAt: null });
    expect(queued.downloadUrl).toBeUndefined();
    expect(queued.filters).toMatchObject({ site: w.site.code, from: expect.any(String), to: expect.any(String) });
    // Progress is rows written of the rows the journal counts ahead.
    expect(await (await exportReport(db, manager.actor, "movements", { site: w.site.code })).countRows()).toBe(12);

    expect(await runQueuedReports(db)).toEqual([queued.id]);
    const done = await getReportRun(db, manager.actor, queued.id);
    expect(done).toMatchObject({ status: "done", progress: 1, rows: 12, downloadUrl: `/api/v1/report-runs/${queued.id}/download` });
    expect(done.finishedAt).not.toBeNull();

    const file = await downloadReportRun(db, manager.actor, queued.id);
    expect(file.contentType).toBe("text/csv; charset=utf-8");
    expect(file.fileName).toMatch(/^movements-\d{4}-\d{2}-\d{2}\.csv$/);
    const direct = await renderReportFile(await exportReport(db, manager.actor, "movements", { site: w.site.code }), "csv");
    expect(Buffer.from(file.body).toString("utf8")).toBe(Buffer.from(direct.body).toString("utf8"));
    expect(Buffer.from(file.body).toString("utf8").trim().split("\n")).toHaveLength(13);
  });

  it("two processes' runners working at once run each run once", async () => {
    const w = await warehouseWithMovements(3);
    const manager = await buildUser(db, "manager");
    const runs = await Promise.all(
      ["csv", "xlsx", "pdf", "csv", "xlsx", "pdf"].map((format) => startReportRun(db, manager.actor, "movements", { format, site: w.site.code })),
    );
    const [first, second] = await Promise.all([runQueuedReports(db, { maxRuns: 10 }), runQueuedReports(secondProcess, { maxRuns: 10 })]);
    const ids = runs.map((r) => r.id);
    expect([...first, ...second].sort()).toEqual([...ids].sort());
    const rows = await db.reportRun.findMany({ where: { id: { in: ids } }, select: { status: true, attempts: true, rows: true, file: true } });
    for (const row of rows) {
      expect(row).toMatchObject({ status: "done", attempts: 1, rows: 3 });
      expect(row.file!.length).toBeGreaterThan(100);
    }
  });

  it("takes over a run whose process stopped renewing its lease, and fails a run whose requester left", async () => {
    const w = await warehouseWithMovements(2);
    const manager = await buildUser(db, "manager");
    const stalled = await startReportRun(db, manager.actor, "movements", { format: "csv", site: w.site.code });
    await db.reportRun.update({
      where: { id: stalled.id },
      data: { status: "running", attempts: 1, leaseHolder: "gone", leaseUntil: new Date(Date.now() - 1000), progress: 0.4 },
    });
    const leased = await startReportRun(db, manager.actor, "movements", { format: "csv", site: w.site.code });
    await db.reportRun.update({
      where: { id: leased.id },
      data: { status: "running", leaseHolder: "alive", leaseUntil: new Date(Date.now() + 60_000) },
    });
    expect(await runQueuedReports(db)).toEqual([stalled.id]);
    expect(await db.reportRun.findUniqueOrThrow({ where: { id: stalled.id } })).toMatchObject({ status: "done", attempts: 2, progress: 1, rows: 2 });
    expect((await db.reportRun.findUniqueOrThrow({ where: { id: leased.id } })).status).toBe("running");
    await db.reportRun.update({ where: { id: leased.id }, data: { status: "done" } });

    const leaver = await buildUser(db, "manager");
    const orphan = await startReportRun(db, leaver.actor, "movements", { format: "csv", site: w.site.code });
    await db.user.update({ where: { id: leaver.id }, data: { active: false } });
    await runQueuedReports(db);
    expect(await db.reportRun.findUniqueOrThrow({ where: { id: orphan.id } })).toMatchObject({
      status: "failed",
      error: expect.stringMatching(/deactivated/),
    });
  });

  it("shows a run to whoever asked and to admins only; the file once done; refuses what the report refuses", async () => {
    const w = await warehouseWithMovements(1);
    const [owner, other, admin, clerk] = await Promise.all([
      buildUser(db, "manager"),
      buildUser(db, "viewer"),
      buildUser(db, "admin"),
      buildUser(db, "clerk", { sites: [w.site.code] }),
    ]);
    const run = await startReportRun(db, owner.actor, "stock-on-hand", { format: "xlsx", site: w.site.code });
    await expect(downloadReportRun(db, owner.actor, run.id)).rejects.toMatchObject({ code: "run_not_done" });
    await runQueuedReports(db);
    await expect(getReportRun(db, other.actor, run.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(downloadReportRun(db, other.actor, run.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(downloadReportRun(db, clerk.actor, run.id)).rejects.toMatchObject({ code: "forbidden" });
    expect((await downloadReportRun(db, admin.actor, run.id)).body.length).toBeGreaterThan(0);
    expect((await getReportRun(db, owner.actor, run.id)).status).toBe("done");
    await expect(getReportRun(db, owner.actor, "not-a-uuid")).rejects.toMatchObject({ code: "not_found" });

    await expect(startReportRun(db, owner.actor, "nope", { format: "csv" })).rejects.toMatchObject({ code: "not_found" });
    await expect(startReportRun(db, owner.actor, "movements", { format: "csv", from: "yesterday" })).rejects.toMatchObject({
      code: "validation_failed",
      issues: [expect.objectContaining({ field: "from" })],
    });
    await expect(startReportRun(db, owner.actor, "movements", { format: "docx" })).rejects.toThrow();
    await expect(startReportRun(db, clerk.actor, "movements", { format: "csv" })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("deletes runs older than 7 days with their files", async () => {
    const manager = await buildUser(db, "manager");
    const old = await startReportRun(db, manager.actor, "stock-on-hand", { format: "csv" });
    const recent = await startReportRun(db, manager.actor, "stock-on-hand", { format: "csv" });
    await db.reportRun.update({ where: { id: old.id }, data: { createdAt: new Date(Date.now() - 7 * 86_400_000 - 60_000), status: "done" } });
    await db.reportRun.update({ where: { id: recent.id }, data: { createdAt: new Date(Date.now() - 6 * 86_400_000), status: "done" } });
    expect(await purgeOldReportRuns(db)).toBeGreaterThanOrEqual(1);
    expect(await db.reportRun.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db.reportRun.findUnique({ where: { id: recent.id } })).not.toBeNull();
  });
});
