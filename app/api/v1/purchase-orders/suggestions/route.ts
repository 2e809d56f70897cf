import { apiRoute } from "@/lib/http/api-route";
import { suggestPurchasesOp } from "@/lib/purchasing/operations";
import { suggestPurchases } from "@/lib/purchasing/suggest-purchases";

export const GET = apiRoute(suggestPurchasesOp, ({ db, actor, query }) => suggestPurchases(db, actor, query));
