import { apiRoute } from "@/lib/http/api-route";
import { fileAnswer } from "@/lib/http/edge-answers";
import { printLabelOp } from "@/lib/labels/operations";
import { printLabels } from "@/lib/labels/print-labels";

export const GET = apiRoute(printLabelOp, ({ db, actor, params, query }) =>
  fileAnswer(
    printLabels(db, actor, { kind: params.kind, refs: [params.ref], sku: query.sku, subtree: query.subtree, format: query.format, size: query.size }),
  ),
);
