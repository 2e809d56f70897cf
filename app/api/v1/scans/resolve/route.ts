import { apiRoute } from "@/lib/http/api-route";
import { resolveScanOp } from "@/lib/scan/operations";
import { resolveScannedData } from "@/lib/scan/resolve-scanned-data";

export const POST = apiRoute(resolveScanOp, ({ db, actor, body }) => resolveScannedData(db, actor, body.data));
