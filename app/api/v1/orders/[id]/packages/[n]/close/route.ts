import { apiRoute } from "@/lib/http/api-route";
import { closePackageOp } from "@/lib/orders/operations";
import { closePackage } from "@/lib/orders/pack-order";

export const POST = apiRoute(closePackageOp, ({ db, actor, params, body, idempotency }) =>
  closePackage(db, actor, params.id, params.n, body, { idempotency }),
);
