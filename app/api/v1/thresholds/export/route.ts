import { apiRoute } from "@/lib/http/api-route";
import { csvAnswer } from "@/lib/http/edge-answers";
import { exportThresholds } from "@/lib/thresholds/export-thresholds";
import { exportThresholdsOp } from "@/lib/thresholds/operations";

export const GET = apiRoute(exportThresholdsOp, async ({ db, actor }) => csvAnswer(exportThresholds(db, actor), "thresholds"));
