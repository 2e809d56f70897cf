import { apiRoute } from "@/lib/http/api-route";
import { createLocation } from "@/lib/locations/create-location";
import { listLocations } from "@/lib/locations/list-locations";
import { createLocationOp, listLocationsOp } from "@/lib/locations/operations";

export const GET = apiRoute(listLocationsOp, async ({ db, actor, query }) => ({ data: await listLocations(db, actor, query) }));

export const POST = apiRoute(createLocationOp, ({ db, actor, body }) => createLocation(db, actor, body));
