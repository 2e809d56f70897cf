import { apiRoute } from "@/lib/http/api-route";
import { undoSiteMapOp } from "@/lib/maps/operations";
import { undoSiteMap } from "@/lib/maps/undo-site-map";

export const POST = apiRoute(undoSiteMapOp, ({ db, actor, params, body }) => undoSiteMap(db, actor, params.code, body));
