import { apiRoute } from "@/lib/http/api-route";
import { openPackageOp } from "@/lib/orders/operations";
import { openPackage } from "@/lib/orders/pack-order";

export const POST = apiRoute(openPackageOp, ({ db, actor, params, idempotency }) => openPackage(db, actor, params.id, { idempotency }));
