import { apiRoute } from "@/lib/http/api-route";
import { getReservation } from "@/lib/reservations/list-reservations";
import { getReservationOp } from "@/lib/reservations/operations";

export const GET = apiRoute(getReservationOp, ({ db, actor, params }) => getReservation(db, actor, params.id));
