import { cancelCount } from "@/lib/counting/cancel-count";
import { cancelCountOp } from "@/lib/counting/operations";
import { apiRoute } from "@/lib/http/api-route";

export const POST = apiRoute(cancelCountOp, ({ db, actor, params }) => cancelCount(db, actor, params.id));
