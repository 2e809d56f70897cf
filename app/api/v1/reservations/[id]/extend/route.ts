import { apiRoute } from "@/lib/http/api-route";
import { extendReservation } from "@/lib/reservations/change-reservation";
import { extendReservationOp } from "@/lib/reservations/operations";

export const POST = apiRoute(extendReservationOp, ({ db, actor, params, body, idempotency }) =>
  extendReservation(db, actor, params.id, body, { idempotency }),
);
