/**
 * Reports run in the background: a caller queues a run (POST /api/v1/reports/{name}/runs), an app process works
 * it and keeps the file, the caller follows its progress and downloads it. No process of its own: the runner is a
 * background job of every app process (lib/system/background-jobs.ts), and a run is claimed with FOR UPDATE SKIP
 * LOCKED under a lease that each batch renews, so one process works it; a run whose process died is taken over
 * when its lease runs out. Files are kept in the row (bytea, up to 64 MiB) for 7 days.
 */
import { randomUUID } from "node:crypto";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { Conflict, NotFound } from "../domain-error";
import { reportRunInput, type reportRunView } from "./delivery-schemas";
import { renderReportFile, type ReportFileFormat } from "./render-report";
import type { ReportRow } from "./report";
import { currentRequester, isRequesterOrAdmin, requesterColumns } from "./requester";
import { exportReport, type ReportExport } from "./run-report";
import type { z } from "zod";

export const RUN_FILE_MAX_BYTES = 64 * 1024 * 1024;
export const RUN_KEPT_DAYS = 7;
/** A run whose lease was not renewed this long (its process stopped) is worked again by another. */
const LEASE = "2 minutes";

type RunView = z.input<typeof reportRunView>;
type RunRow = Prisma.ReportRunGetPayload<{ omit: { file: true } }>;

/**
 * Queues a run of the report for the actor. The same checks as the report's own download, now rather than later:
 * 404 for no such report, its permission, 422 naming a bad filter, 403 for a site outside the actor's. The filters
 * are kept with their defaults filled in, so the run reports the period it was asked for however late it starts.
 */
export async function startReportRun(db: Db, actor: Actor, name: string, input: unknown): Promise<RunView> {
  const { format, ...filters } = reportRunInput.parse(input);
  const report = await exportReport(db, actor, name, filters);
  const run = await db.reportRun.create({
    data: { name: report.name, format, filters: report.filters as Prisma.InputJsonValue, ...requesterColumns(actor) },
    omit: { file: true },
  });
  return viewOf(run);
}

export class ReportRunNotDone extends Conflict {
  readonly code = "run_not_done";
}

/** A run's progress: for the actor who asked, or an admin; 404 for anyone else, as if it did not exist. */
export async function getReportRun(db: Db, actor: Actor, id: string): Promise<RunView> {
  return viewOf(await findOwnRun(db, actor, id));
}

/** The finished run's file (the actor who asked, or an admin); 409 while it is not done. */
export async function downloadReportRun(db: Db, actor: Actor, id: string) {
  const run = await findOwnRun(db, actor, id);
  if (run.status !== "done") throw new ReportRunNotDone(`The run is ${run.status}: its file is ready once it is done`, { status: run.status });
  const { file } = await db.reportRun.findUniqueOrThrow({ where: { id }, select: { file: true } });
  return {
    body: new Uint8Array(file ?? new Uint8Array()),
    contentType: run.contentType ?? "application/octet-stream",
    fileName: run.fileName ?? `${run.name}`,
    inline: false,
  };
}

async function findOwnRun(db: Db, actor: Actor, id: string): Promise<RunRow> {
  authorize(actor, "reports.view");
  const uuid = /^[0-9a-f-]{36}$/i.test(id) ? id : null;
  const run = uuid ? await db.reportRun.findUnique({ where: { id: uuid }, omit: { file: true } }) : null;
  if (!run || !isRequesterOrAdmin(actor, run)) throw new NotFound("Report run", id);
  return run;
}

function viewOf(run: RunRow): RunView {
  return {
    id: run.id,
    name: run.name,
    format: run.format as ReportFileFormat,
    filters: run.filters as Record<string, unknown>,
    status: run.status as RunView["status"],
    progress: run.progress,
    rows: run.rows,
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    ...(run.status === "done" ? { downloadUrl: `/api/v1/report-runs/${run.id}/download` } : {}),
    ...(run.error ? { error: run.error } : {}),
  };
}

type ClaimedRun = { id: string; name: string; format: ReportFileFormat; filters: Record<string, unknown>; requester: Prisma.JsonValue };

/** This run's lease went to another process (this one stalled past it): stop, leave the run to that one. */
class LeaseLost extends Error {}

/**
 * Works queued runs (and runs whose process died) one after another, at most `maxRuns`; answers their ids.
 * `holder` names this worker in the lease; each call is a worker of its own.
 */
export async function runQueuedReports(db: Db, options: { holder?: string; maxRuns?: number } = {}): Promise<string[]> {
  const holder = options.holder ?? `${process.pid}:${randomUUID()}`;
  const worked: string[] = [];
  for (let i = 0; i < (options.maxRuns ?? 5); i++) {
    const run = await claimRun(db, holder);
    if (!run) break;
    await workRun(db, run, holder);
    worked.push(run.id);
  }
  return worked;
}

async function claimRun(db: Db, holder: string): Promise<ClaimedRun | null> {
  const [run] = await db.$queryRaw<ClaimedRun[]>`
    UPDATE "ReportRun" SET status = 'running', "leaseHolder" = ${holder}, "leaseUntil" = now() + ${LEASE}::interval,
      attempts = attempts + 1, "startedAt" = coalesce("startedAt", now()), progress = 0, rows = 0
    WHERE id = (
      SELECT id FROM "ReportRun"
      WHERE status = 'queued' OR (status = 'running' AND "leaseUntil" < now())
      ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING id::text, name, format, filters, requester`;
  return run ?? null;
}

async function workRun(db: Db, run: ClaimedRun, holder: string): Promise<void> {
  try {
    const actor = await currentRequester(db, run.requester);
    if (!actor) throw new Error("Whoever asked for this run was deactivated or their key revoked");
    const report = await exportReport(db, actor, run.name, run.filters);
    const total = await report.countRows();
    let rows = 0;
    const tracked: ReportExport = {
      ...report,
      pages: withProgress(report.pages, async (batch) => {
        rows += batch;
        // Short of 1 until the file is stored: rows posted since the count could make it reach 1 early.
        const progress = total ? Math.min(0.99, rows / total) : 0;
        const renewed = await db.$executeRaw`
          UPDATE "ReportRun" SET progress = ${progress}, rows = ${rows}, "leaseUntil" = now() + ${LEASE}::interval
          WHERE id = ${run.id}::uuid AND "leaseHolder" = ${holder}`;
        if (renewed === 0) throw new LeaseLost();
      }),
    };
    const file = await renderReportFile(tracked, run.format, new Date(), { maxBytes: RUN_FILE_MAX_BYTES });
    const finished = await db.reportRun.updateMany({
      where: { id: run.id, leaseHolder: holder },
      data: {
        status: "done",
        progress: 1,
        rows,
        file: file.body as Uint8Array<ArrayBuffer>,
        fileName: file.fileName,
        contentType: file.contentType,
        finishedAt: new Date(),
        leaseHolder: null,
        leaseUntil: null,
      },
    });
    if (finished.count === 0) throw new LeaseLost();
  } catch (error) {
    if (error instanceof LeaseLost) return;
    const message = error instanceof Error ? error.message : String(error);
    await db.reportRun.updateMany({
      where: { id: run.id, leaseHolder: holder },
      data: { status: "failed", error: message.slice(0, 500), finishedAt: new Date(), leaseHolder: null, leaseUntil: null },
    });
  }
}

/** The pages as they are, calling `onBatch` with each page's row count once it has been taken. */
async function* withProgress(pages: AsyncIterable<ReportRow[]>, onBatch: (rows: number) => Promise<void>): AsyncGenerator<ReportRow[]> {
  for await (const page of pages) {
    yield page;
    await onBatch(page.length);
  }
}

/** Runs older than RUN_KEPT_DAYS go, with their files. */
export async function purgeOldReportRuns(db: Db): Promise<number> {
  return db.$executeRaw`DELETE FROM "ReportRun" WHERE "createdAt" < now() - make_interval(days => ${RUN_KEPT_DAYS})`;
}
