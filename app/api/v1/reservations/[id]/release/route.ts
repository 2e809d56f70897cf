import { apiRoute } from "@/lib/http/api-route";
import { releaseReservation } from "@/lib/reservations/change-reservation";
import { releaseReservationOp } from "@/lib/reservations/operations";

export const POST = apiRoute(releaseReservationOp, ({ db, actor, params, idempotency }) => releaseReservation(db, actor, params.id, { idempotency }));
