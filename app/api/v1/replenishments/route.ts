import { apiRoute } from "@/lib/http/api-route";
import { listReplenishments } from "@/lib/replenishment/list-replenishments";
import { listReplenishmentsOp } from "@/lib/replenishment/operations";

export const GET = apiRoute(listReplenishmentsOp, ({ db, actor, query }) => listReplenishments(db, actor, query));
