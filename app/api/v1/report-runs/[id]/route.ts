import { apiRoute } from "@/lib/http/api-route";
import { getReportRunOp } from "@/lib/reports/operations";
import { getReportRun } from "@/lib/reports/report-runs";

export const GET = apiRoute(getReportRunOp, ({ db, actor, params }) => getReportRun(db, actor, params.id));
