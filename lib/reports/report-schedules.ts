/**
 * Reports e-mailed on a schedule: a manager or admin names a report, its filters, a format, a cadence and who
 * receives it; from the next day, week or month on, each period's first minute or so sends one mail whose
 * attachment covers the period just ended (yesterday, last ISO week, last month; UTC). The sender is a background
 * job of every app process (lib/system/background-jobs.ts): a schedule is locked FOR UPDATE SKIP LOCKED while its
 * mail goes and its `lastPeriod` moves on in the same transaction, so two processes send it once.
 */
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { unitOfWork } from "../db/unit-of-work";
import { DomainError, NotFound, ValidationFailed } from "../domain-error";
import { isMailConfigured, sendMail } from "../mail/send-mail";
import { isoWeekOf } from "../purchasing/draft-schedule";
import { describeFilters } from "./report-pdf";
import { renderReportFile, type ReportFileFormat } from "./render-report";
import { reportScheduleInput, type ReportCadence, type reportScheduleView } from "./delivery-schemas";
import { currentRequester, isRequesterOrAdmin, requesterColumns } from "./requester";
import { exportReport } from "./run-report";
import type { z } from "zod";

/** A scheduled mail's attachment is kept under most mail servers' limits. */
const ATTACHMENT_MAX_BYTES = 15 * 1024 * 1024;

type ScheduleView = z.input<typeof reportScheduleView>;
type ScheduleRow = Prisma.ReportScheduleGetPayload<object>;

const day = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);
const startOfDay = (date: Date) => new Date(`${day(date)}T00:00:00Z`);

/** The period `now` is in: "2026-12-04", "2026-W49" or "2026-12" (UTC). One mail is sent per period. */
export function periodOf(cadence: ReportCadence, now: Date): string {
  if (cadence === "daily") return day(now);
  if (cadence === "weekly") return isoWeekOf(day(now));
  return day(now).slice(0, 7);
}

/** The days a mail sent at `now` covers: the whole day, ISO week or month before the one `now` is in. */
export function coveredDays(cadence: ReportCadence, now: Date): { from: string; to: string } {
  const today = startOfDay(now);
  if (cadence === "daily") return { from: day(addDays(today, -1)), to: day(addDays(today, -1)) };
  if (cadence === "weekly") {
    const monday = addDays(today, -((today.getUTCDay() || 7) - 1));
    return { from: day(addDays(monday, -7)), to: day(addDays(monday, -1)) };
  }
  const firstOfMonth = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1));
  const lastMonth = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  return { from: day(lastMonth), to: day(addDays(firstOfMonth, -1)) };
}

/**
 * Makes a schedule (reports.schedule: managers and admins). 422 naming `to` while mail is not set up (SMTP_URL),
 * `filters.from`/`filters.to` when a period is given (each mail has its own), and what the report refuses of the
 * filters, as GET /api/v1/reports/{name} would (404, 403 for a site outside the maker's). The first mail goes
 * in the next period.
 */
export async function createReportSchedule(db: Db, actor: Actor, input: unknown, now = new Date()): Promise<ScheduleView> {
  authorize(actor, "reports.schedule");
  const data = reportScheduleInput.parse(input);
  if (!isMailConfigured()) throw new ValidationFailed([{ field: "to", message: "Mail is not set up (SMTP_URL): scheduled reports cannot be sent" }]);
  const periodFields = ["from", "to"].filter((key) => key in data.filters);
  if (periodFields.length > 0)
    throw new ValidationFailed(
      periodFields.map((key) => ({ field: `filters.${key}`, message: "Each mail covers the period just ended: leave the period out" })),
    );
  try {
    await exportReport(db, actor, data.name, { ...data.filters, ...coveredDays(data.cadence, now) });
  } catch (error) {
    // The report's filter issues name the field inside `filters`.
    if (error instanceof ValidationFailed) throw new ValidationFailed(error.issues.map((i) => ({ ...i, field: `filters.${i.field}` })));
    throw error;
  }
  const schedule = await db.reportSchedule.create({
    data: {
      name: data.name,
      format: data.format,
      filters: data.filters,
      cadence: data.cadence,
      recipients: data.to,
      lastPeriod: periodOf(data.cadence, now),
      ...requesterColumns(actor),
    },
  });
  return viewOf(schedule);
}

/** The schedules the actor made; an admin sees everyone's. */
export async function listReportSchedules(db: Db, actor: Actor): Promise<{ data: ScheduleView[] }> {
  authorize(actor, "reports.schedule");
  const schedules = await db.reportSchedule.findMany({
    where: actor.role === "admin" ? {} : { requesterType: actor.type, requesterId: actor.id },
    orderBy: { createdAt: "asc" },
    take: 500,
  });
  return { data: schedules.map(viewOf) };
}

/** Stops a schedule: its maker or an admin; 404 for anyone else. */
export async function deleteReportSchedule(db: Db, actor: Actor, id: string): Promise<{ id: string; deleted: true }> {
  authorize(actor, "reports.schedule");
  const uuid = /^[0-9a-f-]{36}$/i.test(id) ? id : null;
  const schedule = uuid ? await db.reportSchedule.findUnique({ where: { id: uuid }, select: { requesterType: true, requesterId: true } }) : null;
  if (!schedule || !isRequesterOrAdmin(actor, schedule)) throw new NotFound("Report schedule", id);
  await db.reportSchedule.delete({ where: { id } });
  return { id, deleted: true };
}

function viewOf(schedule: ScheduleRow): ScheduleView {
  return {
    id: schedule.id,
    name: schedule.name,
    format: schedule.format as ReportFileFormat,
    filters: schedule.filters as Record<string, unknown>,
    cadence: schedule.cadence as ReportCadence,
    to: schedule.recipients,
    owner: schedule.requesterLabel,
    createdAt: schedule.createdAt.toISOString(),
    lastSentAt: schedule.lastSentAt?.toISOString() ?? null,
    lastPeriod: schedule.lastPeriod,
    lastError: schedule.lastError,
  };
}

/**
 * Sends every schedule not yet sent in the period `now` is in; answers the ids sent. Each is claimed under a row
 * lock (SKIP LOCKED: another process busy with it is passed by) and re-read there, so it goes once. A report that
 * can no longer run (its maker deactivated, a site gone) records why and waits for the next period; a mail server
 * that refuses undoes the claim, so the next minute tries again.
 */
export async function sendDueReportSchedules(db: Db, now = new Date()): Promise<string[]> {
  if (!isMailConfigured()) return [];
  const candidates = await db.reportSchedule.findMany({ select: { id: true, cadence: true, lastPeriod: true } });
  const sent: string[] = [];
  for (const candidate of candidates) {
    const period = periodOf(candidate.cadence as ReportCadence, now);
    if (candidate.lastPeriod === period) continue;
    try {
      if (await sendSchedule(db, candidate.id, period, now)) sent.push(candidate.id);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await db.reportSchedule.update({ where: { id: candidate.id }, data: { lastError: message.slice(0, 500) } });
    }
  }
  return sent;
}

async function sendSchedule(db: Db, id: string, period: string, now: Date): Promise<boolean> {
  return unitOfWork(
    db,
    async (tx) => {
      const [schedule] = await tx.$queryRaw<ScheduleRow[]>`
        SELECT * FROM "ReportSchedule" WHERE id = ${id}::uuid AND "lastPeriod" IS DISTINCT FROM ${period} FOR UPDATE SKIP LOCKED`;
      if (!schedule) return false;
      const attachment = await attachmentOf(db, schedule, now);
      if ("error" in attachment) {
        await tx.reportSchedule.update({ where: { id }, data: { lastPeriod: period, lastError: attachment.error } });
        return false;
      }
      await sendMail({
        to: schedule.recipients.join(", "),
        subject: attachment.subject,
        text: attachment.text,
        attachments: [attachment.file],
      });
      await tx.reportSchedule.update({ where: { id }, data: { lastPeriod: period, lastSentAt: now, lastError: null } });
      return true;
    },
    { timeoutMs: 120_000 },
  );
}

/** The report for the period just ended, run with its maker's access as it is now; or why it cannot be. */
async function attachmentOf(db: Db, schedule: ScheduleRow, now: Date) {
  const owner = await currentRequester(db, schedule.requester);
  if (!owner) return { error: `${schedule.requesterLabel} was deactivated or their key revoked: the schedule sends nothing` };
  const cadence = schedule.cadence as ReportCadence;
  const covered = coveredDays(cadence, now);
  try {
    const report = await exportReport(db, owner, schedule.name, { ...(schedule.filters as Record<string, unknown>), ...covered });
    const file = await renderReportFile(report, schedule.format as ReportFileFormat, now, { maxBytes: ATTACHMENT_MAX_BYTES });
    return {
      subject: `${report.title}: ${covered.from === covered.to ? covered.from : `${covered.from} to ${covered.to}`}`,
      text:
        `${report.title}, ${describeFilters(report.filters)}, attached as ${file.fileName}.\n\n` +
        `Sent ${cadence} by Stockroom for ${schedule.requesterLabel}. They, or an admin, can stop it (DELETE /api/v1/report-schedules/${schedule.id}).\n`,
      file: { filename: file.fileName, content: file.body, contentType: file.contentType },
    };
  } catch (error) {
    if (error instanceof DomainError || error instanceof Error) return { error: error.message.slice(0, 500) };
    throw error;
  }
}
