import { listCounts } from "@/lib/counting/list-counts";
import { listCountsOp, startCountOp } from "@/lib/counting/operations";
import { startCount } from "@/lib/counting/start-count";
import { apiRoute } from "@/lib/http/api-route";

export const POST = apiRoute(startCountOp, ({ db, actor, body }) => startCount(db, actor, body));

export const GET = apiRoute(listCountsOp, ({ db, actor, query }) => listCounts(db, actor, query));
