import { z } from "zod";
import { defineOperation } from "../contract/operation";
import { levelView, movementInput, movementView, postedMovement } from "./schemas";

const ledgerProblems = ["insufficient_stock", "serial_not_here", "count_changed"] as const;
const code = z.string().trim().toUpperCase();

export const postMovementOp = defineOperation({
  id: "postMovement",
  method: "POST",
  path: "/api/v1/movements",
  tag: "Stock",
  permission: "stock.move",
  status: 201,
  idempotency: "in-transaction",
  summary: "Post one movement: receive, issue, scrap, damage, loss, found, count, move or return",
  description: "Atomic: either the movement is posted with its levels, audit entry and event, or nothing changes (409 when the stock is not there).",
  body: movementInput,
  response: postedMovement,
  problems: ledgerProblems,
});

export const postMovementBatchOp = defineOperation({
  id: "postMovementBatch",
  method: "POST",
  path: "/api/v1/movements/batch",
  tag: "Stock",
  permission: "stock.move",
  status: 201,
  idempotency: "in-transaction",
  summary: "Post up to 1,000 movements at one site atomically: all or none",
  description: "A refusal (409 or 422) names the index of the failing movement in `index` or in the field path `movements.N.field`.",
  body: z.object({ movements: z.array(movementInput).min(1).max(1000).describe("Each as for POST /api/v1/movements") }).meta({ id: "MovementBatch" }),
  response: postedMovement,
  problems: ledgerProblems,
});

export const listMovementsOp = defineOperation({
  id: "listMovements",
  method: "GET",
  path: "/api/v1/movements",
  tag: "Stock",
  permission: "stock.view",
  summary: "The ledger, newest first; a location filter includes everything beneath it",
  query: z.object({
    sku: z.string().optional(),
    location: code.optional(),
    since: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
    cursor: z
      .string()
      .regex(/^\d{1,18}$/, "Not a cursor from this list")
      .optional()
      .describe("nextCursor of the previous page"),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  }),
  response: z.object({ data: z.array(movementView), nextCursor: z.string().nullable() }),
});

export const getMovementOp = defineOperation({
  id: "getMovement",
  method: "GET",
  path: "/api/v1/movements/{id}",
  tag: "Stock",
  permission: "stock.view",
  summary: "One movement of the ledger, with what it was worth (valuation) and when it happened",
  params: z.object({ id: z.string().regex(/^\d{1,18}$/, "Not a movement id") }),
  response: movementView,
  problems: ["not_found"],
});

export const reverseMovementOp = defineOperation({
  id: "reverseMovement",
  method: "POST",
  path: "/api/v1/movements/{id}/reverse",
  tag: "Stock",
  permission: "stock.move",
  status: 201,
  idempotency: "in-transaction",
  summary: "Undo a movement by posting its opposite, linked to it (once)",
  params: z.object({ id: z.string().regex(/^\d{1,18}$/, "Not a movement id") }),
  body: z.object({ reason: z.string().trim().min(1).max(40).optional(), note: z.string().trim().max(500).optional() }),
  response: postedMovement,
  problems: ["not_found", "already_reversed", "insufficient_stock"],
});

export const listStockOp = defineOperation({
  id: "listStock",
  method: "GET",
  path: "/api/v1/stock",
  tag: "Stock",
  permission: "stock.view",
  summary: "Stock levels (on hand, reserved, available) by item, location and lot; a location includes everything beneath it",
  query: z.object({
    sku: z.string().optional(),
    location: code.optional(),
    site: code.optional(),
    cursor: z.uuid("Not a cursor from this list").optional().describe("nextCursor of the previous page"),
    limit: z.coerce.number().int().min(1).max(1000).optional(),
  }),
  response: z.object({ data: z.array(levelView), nextCursor: z.string().nullable() }),
});

export const traceOp = defineOperation({
  id: "traceStock",
  method: "GET",
  path: "/api/v1/trace",
  tag: "Stock",
  permission: "stock.view",
  summary: "Where a lot or serial came from and everywhere it went, in time order (the recall question)",
  query: z.object({ lot: z.string().optional(), serial: z.string().optional(), sku: z.string().optional() }),
  response: z
    .object({
      data: z.array(
        z.object({
          kind: z.enum(["lot", "serial"]),
          code: z.string(),
          sku: z.string(),
          name: z.string(),
          expiresOn: z.string().nullable(),
          now: z.string().nullable().optional().describe("For a serial: where it is now; null when not in stock, or at a site you may not see"),
          receipts: z.array(movementView),
          movements: z.array(movementView),
        }),
      ),
    })
    .meta({ id: "Trace" }),
});
