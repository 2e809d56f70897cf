import { apiRoute } from "@/lib/http/api-route";
import { listThresholds } from "@/lib/thresholds/list-thresholds";
import { listThresholdsOp, setThresholdsOp } from "@/lib/thresholds/operations";
import { setThresholds } from "@/lib/thresholds/set-thresholds";

export const GET = apiRoute(listThresholdsOp, ({ db, actor, params }) => listThresholds(db, actor, params.sku));

export const PUT = apiRoute(setThresholdsOp, ({ db, actor, params, body, idempotency }) =>
  setThresholds(db, actor, params.sku, body, { idempotency }),
);
