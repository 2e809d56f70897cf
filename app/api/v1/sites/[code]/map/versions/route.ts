import { apiRoute } from "@/lib/http/api-route";
import { listSiteMapVersions } from "@/lib/maps/list-site-map-versions";
import { listSiteMapVersionsOp } from "@/lib/maps/operations";

export const GET = apiRoute(listSiteMapVersionsOp, ({ db, actor, params }) => listSiteMapVersions(db, actor, params.code));
