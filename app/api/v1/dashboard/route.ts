import { getManagerDashboardOp } from "@/lib/dashboard/operations";
import { getManagerDashboard } from "@/lib/dashboard/manager-dashboard";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute(getManagerDashboardOp, ({ db, actor, query }) => getManagerDashboard(db, actor, query));
