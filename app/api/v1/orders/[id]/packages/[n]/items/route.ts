import { apiRoute } from "@/lib/http/api-route";
import { addToPackageOp } from "@/lib/orders/operations";
import { addToPackage } from "@/lib/orders/pack-order";

export const POST = apiRoute(addToPackageOp, ({ db, actor, params, body, idempotency }) =>
  addToPackage(db, actor, params.id, params.n, body, { idempotency }),
);
