import { apiRoute } from "@/lib/http/api-route";
import { fileAnswer } from "@/lib/http/edge-answers";
import { printPackingSlipOp } from "@/lib/orders/operations";
import { printPackingSlip } from "@/lib/orders/print-packing-slip";

export const GET = apiRoute(printPackingSlipOp, ({ db, actor, params }) => fileAnswer(printPackingSlip(db, actor, params.id)));
