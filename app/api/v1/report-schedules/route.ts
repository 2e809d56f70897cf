import { apiRoute } from "@/lib/http/api-route";
import { createReportScheduleOp, listReportSchedulesOp } from "@/lib/reports/operations";
import { createReportSchedule, listReportSchedules } from "@/lib/reports/report-schedules";

export const POST = apiRoute(createReportScheduleOp, ({ db, actor, body }) => createReportSchedule(db, actor, body));

export const GET = apiRoute(listReportSchedulesOp, ({ db, actor }) => listReportSchedules(db, actor));
