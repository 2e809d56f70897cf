import { listAlerts } from "@/lib/alerts/list-alerts";
import { listAlertsOp } from "@/lib/alerts/operations";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute(listAlertsOp, ({ db, actor, query }) => listAlerts(db, actor, query));
