import { apiRoute } from "@/lib/http/api-route";
import { createReservation } from "@/lib/reservations/create-reservation";
import { listReservations } from "@/lib/reservations/list-reservations";
import { createReservationOp, listReservationsOp } from "@/lib/reservations/operations";

export const POST = apiRoute(createReservationOp, ({ db, actor, body, idempotency }) => createReservation(db, actor, body, { idempotency }));

export const GET = apiRoute(listReservationsOp, ({ db, actor, query }) => listReservations(db, actor, query));
