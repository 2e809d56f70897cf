import { getCount } from "@/lib/counting/get-count";
import { getCountOp } from "@/lib/counting/operations";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute(getCountOp, ({ db, actor, params }) => getCount(db, actor, params.id));
