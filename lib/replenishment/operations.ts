import { z } from "zod";
import { defineOperation } from "../contract/operation";
import { confirmReplenishmentInput, refillInput, replenishmentConfirmation, replenishmentQuery, replenishmentView } from "./schemas";

export const listReplenishmentsOp = defineOperation({
  id: "listReplenishments",
  method: "GET",
  path: "/api/v1/replenishments",
  tag: "Replenishment",
  permission: "stock.view",
  summary: "Pick-face refills at the caller's sites: open ones oldest first",
  description:
    "A task is generated when an item's units at a pick face (a bin with a refill level) fall to that level: move `quantity` from the reserve bin `from` (first-expiring lot, then the fullest) to the face `to`.",
  query: replenishmentQuery,
  response: z.object({ data: z.array(replenishmentView) }),
});

export const confirmReplenishmentOp = defineOperation({
  id: "confirmReplenishment",
  method: "POST",
  path: "/api/v1/replenishments/{id}/confirm",
  tag: "Replenishment",
  permission: "stock.move",
  idempotency: "in-transaction",
  summary: "Confirm a refill: posts the move from the reserve bin to the pick face and closes the task",
  description: "409 `replenishment_not_open` when it is done or cancelled; 409 `insufficient_stock` when the reserve bin no longer has the units.",
  params: z.object({ id: z.string().describe("The task's id") }),
  body: confirmReplenishmentInput,
  response: replenishmentConfirmation,
  problems: ["not_found", "replenishment_not_open", "insufficient_stock"],
});

export const setRefillLevelOp = defineOperation({
  id: "setRefillLevel",
  method: "PUT",
  path: "/api/v1/locations/{code}/refill",
  tag: "Replenishment",
  permission: "locations.manage",
  summary: "Make a bin a pick face: its capacity and the level at which it is refilled from reserve storage (null: no longer)",
  params: z.object({ code: z.string().describe("The bin's code") }),
  body: refillInput,
  response: z.object({
    location: z.string(),
    capacityUnits: z.number().int(),
    refillLevel: z.number().int().nullable(),
    tasksCreated: z.number().int().describe("Refills planned at once because the face is already at or below its level"),
  }),
  problems: ["not_found"],
});
