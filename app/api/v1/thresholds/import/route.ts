import { decodeCsv } from "@/lib/csv/decode-csv";
import { apiRoute } from "@/lib/http/api-route";
import { importThresholds } from "@/lib/thresholds/import-thresholds";
import { importThresholdsOp } from "@/lib/thresholds/operations";

export const POST = apiRoute(importThresholdsOp, ({ db, actor, query, upload }) =>
  importThresholds(db, actor, decodeCsv(upload), { mode: query.mode }),
);
