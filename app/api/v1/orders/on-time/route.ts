import { apiRoute } from "@/lib/http/api-route";
import { measureOnTime } from "@/lib/orders/measure-on-time";
import { measureOnTimeOp } from "@/lib/orders/operations";

export const GET = apiRoute(measureOnTimeOp, ({ db, actor, query }) => measureOnTime(db, actor, query));
