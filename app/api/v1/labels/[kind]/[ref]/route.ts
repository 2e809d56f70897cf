import { fileRoute } from "@/lib/http/file-route";
import { printLabelOp } from "@/lib/labels/operations";
import { printLabels } from "@/lib/labels/print-labels";

export const GET = fileRoute(printLabelOp, ({ db, actor, params, query }) =>
  printLabels(db, actor, { kind: params.kind, refs: [params.ref], sku: query.sku, subtree: query.subtree, format: query.format, size: query.size }),
);
