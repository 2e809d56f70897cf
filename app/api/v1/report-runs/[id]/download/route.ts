import { fileAnswer } from "@/lib/http/edge-answers";
import { apiRoute } from "@/lib/http/api-route";
import { downloadReportRunOp } from "@/lib/reports/operations";
import { downloadReportRun } from "@/lib/reports/report-runs";

export const GET = apiRoute(downloadReportRunOp, ({ db, actor, params }) => fileAnswer(downloadReportRun(db, actor, params.id)));
