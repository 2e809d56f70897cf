import { getAvailability } from "@/lib/availability/get-availability";
import { getAvailabilityOp } from "@/lib/availability/operations";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute(getAvailabilityOp, ({ db, actor, query }) => getAvailability(db, actor, query));
