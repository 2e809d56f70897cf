import { z } from "zod";
import { defineOperation } from "../contract/operation";
import { siteView } from "./schemas";

export const listSitesOp = defineOperation({
  id: "listSites",
  method: "GET",
  path: "/api/v1/sites",
  tag: "Sites",
  permission: "stock.view",
  summary: "List the sites the caller may see",
  response: z.object({ data: z.array(siteView) }),
});
