import { apiRoute } from "@/lib/http/api-route";
import { getSiteSnapshot } from "@/lib/scan/get-site-snapshot";
import { getSiteSnapshotOp } from "@/lib/scan/operations";

export const GET = apiRoute(getSiteSnapshotOp, ({ db, actor, query }) => getSiteSnapshot(db, actor, query.site));
