import { apiRoute } from "@/lib/http/api-route";
import { fulfilReservation } from "@/lib/reservations/change-reservation";
import { fulfilReservationOp } from "@/lib/reservations/operations";

export const POST = apiRoute(fulfilReservationOp, ({ db, actor, params, body, idempotency }) =>
  fulfilReservation(db, actor, params.id, body, { idempotency }),
);
