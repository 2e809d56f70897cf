import { apiRoute } from "@/lib/http/api-route";
import { fileAnswer } from "@/lib/http/edge-answers";
import { printShippingLabelOp } from "@/lib/orders/operations";
import { printShippingLabel } from "@/lib/orders/print-shipping-label";

export const GET = apiRoute(printShippingLabelOp, ({ db, actor, params }) => fileAnswer(printShippingLabel(db, actor, params.id, params.n)));
