import { apiRoute } from "@/lib/http/api-route";
import { listStock } from "@/lib/ledger/list-stock";
import { listStockOp } from "@/lib/ledger/operations";

export const GET = apiRoute(listStockOp, ({ db, actor, query }) => listStock(db, actor, query));
