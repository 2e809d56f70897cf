import { apiRoute } from "@/lib/http/api-route";
import { searchOp } from "@/lib/search/operations";
import { searchEverything } from "@/lib/search/search-everything";

export const GET = apiRoute(searchOp, async ({ db, actor, query }) => ({ data: await searchEverything(db, actor, query) }));
