import { apiRoute } from "@/lib/http/api-route";
import { listReportsOp } from "@/lib/reports/operations";
import { reportsFor } from "@/lib/reports/registry";

export const GET = apiRoute(listReportsOp, async ({ actor }) => ({
  data: reportsFor(actor).map(({ name, title, description, permission, columns }) => ({
    name,
    title,
    description,
    permission,
    columns: [...columns],
  })),
}));
