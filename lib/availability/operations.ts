import { z } from "zod";
import { defineOperation } from "../contract/operation";
import { availabilityQuery, availabilityRow } from "./get-availability";

export const getAvailabilityOp = defineOperation({
  id: "getAvailability",
  method: "GET",
  path: "/api/v1/availability",
  tag: "Reservations",
  permission: "stock.view",
  summary: "What can be promised, per item and site: on hand, reserved, available",
  description:
    "available = on hand − reserved in storage bins, never below zero; stock in staging, quarantine or in transit and lots past their expiry are not available. With `sku`, every site the caller may see is listed, with or without stock.",
  query: availabilityQuery,
  response: z.object({ data: z.array(availabilityRow), next: z.string().nullable() }),
});
