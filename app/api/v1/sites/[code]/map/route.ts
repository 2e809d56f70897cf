import { apiRoute } from "@/lib/http/api-route";
import { getSiteMap } from "@/lib/maps/get-site-map";
import { getSiteMapOp, saveSiteMapOp } from "@/lib/maps/operations";
import { saveSiteMap } from "@/lib/maps/save-site-map";

export const GET = apiRoute(getSiteMapOp, ({ db, actor, params }) => getSiteMap(db, actor, params.code));

export const PUT = apiRoute(saveSiteMapOp, ({ db, actor, params, body }) => saveSiteMap(db, actor, params.code, body));
