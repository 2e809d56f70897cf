// Scheduled reports by e-mail against a local SMTP server: one mail per period even with two app processes
// sending at once, its attachment the report of the period just ended; nothing within the period it was made in;
// a schedule whose maker left records why; mail off or a period in the filters is 422 naming the field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../../tests/factories/access";
import { startSmtpInbox } from "../../tests/factories/smtp-inbox";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { createDb, getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { renderReportFile } from "./render-report";
import { coveredDays, createReportSchedule, deleteReportSchedule, listReportSchedules, periodOf, sendDueReportSchedules } from "./report-schedules";
import { exportReport } from "./run-report";

const db = getDb();
const secondProcess = createDb(process.env.DATABASE_URL!);
const DAY = 86_400_000;
let inbox: Awaited<ReturnType<typeof startSmtpInbox>>;

beforeAll(async () => {
  inbox = await startSmtpInbox();
  process.env.SMTP_URL = inbox.url;
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await inbox.close();
  await secondProcess.$disconnect();
});

/** The attachment of a received mail, decoded from its base64 part. */
function attachmentOf(raw: string, fileName: string): string {
  const start = raw.indexOf(`filename=${fileName}`);
  expect(start).toBeGreaterThan(0);
  const body = raw.slice(raw.indexOf("\r\n\r\n", start) + 4).split(/\r\n--/)[0];
  return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
}

describe("report periods", () => {
  it("names the period a mail goes in and covers the one before it (UTC)", () => {
    const wednesday = new Date("2026-12-09T10:00:00Z");
    expect(periodOf("daily", wednesday)).toBe("2026-12-09");
    expect(periodOf("weekly", wednesday)).toBe("2026-W50");
    expect(periodOf("monthly", wednesday)).toBe("2026-12");
    expect(coveredDays("daily", new Date("2026-01-01T00:30:00Z"))).toEqual({ from: "2025-12-31", to: "2025-12-31" });
    expect(coveredDays("weekly", wednesday)).toEqual({ from: "2026-11-30", to: "2026-12-06" });
    expect(coveredDays("weekly", new Date("2026-12-07T00:00:00Z"))).toEqual({ from: "2026-11-30", to: "2026-12-06" });
    expect(coveredDays("monthly", new Date("2026-03-15T12:00:00Z"))).toEqual({ from: "2026-02-01", to: "2026-02-28" });
  });
});

describe("scheduled reports", () => {
  it("mails each period's report once, with two processes sending at once", async () => {
    const w = await buildWarehouse(db);
    for (let i = 1; i <= 3; i++)
      await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: w.items.plain.sku, quantity: i, to: w.bins.a1.code, reason: "received" });
    const manager = await buildUser(db, "manager");
    // Noon of today (UTC): an hour later is still the same day whenever the test runs (at 23:13 it was not).
    const now = new Date(`${new Date().toISOString().slice(0, 10)}T12:00:00Z`);
    const schedule = await createReportSchedule(
      db,
      manager.actor,
      { name: "movements", format: "csv", cadence: "daily", filters: { site: w.site.code }, to: ["ana@example.com", "bo@example.com"] },
      now,
    );
    expect(schedule).toMatchObject({
      name: "movements",
      cadence: "daily",
      to: ["ana@example.com", "bo@example.com"],
      lastPeriod: periodOf("daily", now),
      lastSentAt: null,
    });
    const before = inbox.received.length;

    // Nothing within the day it was made in.
    expect(await sendDueReportSchedules(db, now)).toEqual([]);
    const tomorrow = new Date(now.getTime() + DAY);
    const [first, second] = await Promise.all([sendDueReportSchedules(db, tomorrow), sendDueReportSchedules(secondProcess, tomorrow)]);
    expect([...first, ...second]).toEqual([schedule.id]);
    expect(await sendDueReportSchedules(db, new Date(tomorrow.getTime() + 3_600_000))).toEqual([]);
    const mails = inbox.received.slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0].to.sort()).toEqual(["ana@example.com", "bo@example.com"]);
    const today = now.toISOString().slice(0, 10);
    expect(mails[0].text).toContain(`Subject: Movement journal: ${today}`);

    // The attachment is the report of the day covered, as the direct download has it.
    const fileName = `movements-${tomorrow.toISOString().slice(0, 10)}.csv`;
    const direct = await renderReportFile(await exportReport(db, manager.actor, "movements", { site: w.site.code, from: today, to: today }), "csv");
    expect(attachmentOf(mails[0].raw, fileName)).toBe(Buffer.from(direct.body).toString("utf8"));
    expect(attachmentOf(mails[0].raw, fileName).trim().split("\n")).toHaveLength(4);

    const listed = await listReportSchedules(db, manager.actor);
    expect(listed.data.find((s) => s.id === schedule.id)).toMatchObject({
      lastPeriod: periodOf("daily", tomorrow),
      lastError: null,
      lastSentAt: tomorrow.toISOString(),
    });

    // The next day, the next mail.
    expect(await sendDueReportSchedules(db, new Date(now.getTime() + 2 * DAY))).toEqual([schedule.id]);
    expect(inbox.received.length - before).toBe(2);
    await deleteReportSchedule(db, manager.actor, schedule.id);
  });

  it("records why a schedule whose maker left sends nothing, and moves on to the next period", async () => {
    const leaver = await buildUser(db, "manager");
    const now = new Date("2026-12-09T10:00:00Z");
    const schedule = await createReportSchedule(
      db,
      leaver.actor,
      { name: "stock-on-hand", format: "pdf", cadence: "weekly", to: ["x@example.com"] },
      now,
    );
    await db.user.update({ where: { id: leaver.id }, data: { active: false } });
    const before = inbox.received.length;
    expect(await sendDueReportSchedules(db, new Date("2026-12-14T00:01:00Z"))).toEqual([]);
    expect(inbox.received.length).toBe(before);
    expect(await db.reportSchedule.findUniqueOrThrow({ where: { id: schedule.id } })).toMatchObject({
      lastPeriod: "2026-W51",
      lastError: expect.stringMatching(/deactivated/),
    });
    await db.reportSchedule.delete({ where: { id: schedule.id } });
  });

  it("refuses a period in the filters, a bad filter and, with mail off, names `to`; only the maker or an admin lists and deletes it", async () => {
    const [manager, other, admin] = await Promise.all([buildUser(db, "manager"), buildUser(db, "manager"), buildUser(db, "admin")]);
    const input = { name: "movements", format: "xlsx", cadence: "monthly", to: ["ana@example.com"] };
    await expect(createReportSchedule(db, manager.actor, { ...input, filters: { from: "2026-01-01" } })).rejects.toMatchObject({
      issues: [expect.objectContaining({ field: "filters.from" })],
    });
    await expect(createReportSchedule(db, manager.actor, { ...input, filters: { kind: "juggle" } })).rejects.toMatchObject({
      issues: [expect.objectContaining({ field: "filters.kind" })],
    });
    await expect(createReportSchedule(db, manager.actor, { ...input, name: "nope" })).rejects.toMatchObject({ code: "not_found" });
    const schedule = await createReportSchedule(db, manager.actor, input);
    expect((await listReportSchedules(db, other.actor)).data.map((s) => s.id)).not.toContain(schedule.id);
    expect((await listReportSchedules(db, admin.actor)).data.map((s) => s.id)).toContain(schedule.id);
    await expect(deleteReportSchedule(db, other.actor, schedule.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await deleteReportSchedule(db, admin.actor, schedule.id)).toEqual({ id: schedule.id, deleted: true });

    const url = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    try {
      await expect(createReportSchedule(db, manager.actor, input)).rejects.toMatchObject({ issues: [expect.objectContaining({ field: "to" })] });
    } finally {
      process.env.SMTP_URL = url;
    }
  });
});
