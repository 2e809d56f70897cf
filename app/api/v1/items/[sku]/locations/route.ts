import { apiRoute } from "@/lib/http/api-route";
import { listItemLocations } from "@/lib/search/list-item-locations";
import { listItemLocationsOp } from "@/lib/search/operations";

export const GET = apiRoute(listItemLocationsOp, async ({ db, actor, params }) => ({ data: await listItemLocations(db, actor, params.sku) }));
