import { apiRoute } from "@/lib/http/api-route";
import { listSites } from "@/lib/sites/list-sites";
import { listSitesOp } from "@/lib/sites/operations";

export const GET = apiRoute(listSitesOp, async ({ db, actor }) => ({ data: await listSites(db, actor) }));
