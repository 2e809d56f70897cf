import { apiRoute } from "@/lib/http/api-route";
import { deleteReportScheduleOp } from "@/lib/reports/operations";
import { deleteReportSchedule } from "@/lib/reports/report-schedules";

export const DELETE = apiRoute(deleteReportScheduleOp, ({ db, actor, params }) => deleteReportSchedule(db, actor, params.id));
