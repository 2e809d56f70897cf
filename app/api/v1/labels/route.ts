import { apiRoute } from "@/lib/http/api-route";
import { fileAnswer } from "@/lib/http/edge-answers";
import { printLabelsOp } from "@/lib/labels/operations";
import { printLabels } from "@/lib/labels/print-labels";

export const POST = apiRoute(printLabelsOp, ({ db, actor, body }) => fileAnswer(printLabels(db, actor, body)));
