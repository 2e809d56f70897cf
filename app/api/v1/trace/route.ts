import { apiRoute } from "@/lib/http/api-route";
import { traceOp } from "@/lib/ledger/operations";
import { traceStock } from "@/lib/ledger/trace";

export const GET = apiRoute(traceOp, ({ db, actor, query }) => traceStock(db, actor, query));
