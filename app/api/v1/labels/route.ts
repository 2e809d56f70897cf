import { fileRoute } from "@/lib/http/file-route";
import { printLabelsOp } from "@/lib/labels/operations";
import { printLabels } from "@/lib/labels/print-labels";

export const POST = fileRoute(printLabelsOp, ({ db, actor, body }) => printLabels(db, actor, body));
