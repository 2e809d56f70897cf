import { z } from "zod";
import { defineOperation } from "../contract/operation";
import {
  pickConfirmation,
  pickInput,
  pickListInput,
  pickListQuery,
  pickListSummary,
  pickListView,
  routedPickList,
  stopPickInput,
  wavePickListInput,
} from "./schemas";

const pickListId = z.object({ id: z.string().describe("The pick list's id") });

export const createPickListOp = defineOperation({
  id: "createPickList",
  method: "POST",
  path: "/api/v1/pick-lists",
  tag: "Picking",
  permission: "stock.move",
  status: 201,
  summary: "Open a pick list for an order; lines without a bin are planned from the site's stock (FEFO for lots) and hold it",
  description:
    "Planning reads what the site can still promise (on hand − reserved in storage bins, lots past expiry left out), and each planned line holds its units through a reservation of the line: nobody else can reserve or pick them until they are picked (the hold is consumed) or the list is cancelled (what was not picked is released). A line needing more than one bin is split into several lines. When the site has a map, the lines (and `stops`) are numbered in walking order from its dock — nearest neighbour then 2-opt on the aisle network — and `routeLength` / `naiveLength` give the walk in metres against the bin-code order. 409 when the site holds too little for a line (`errors` names `lines.N.quantity`) or the reference is already used at the site.",
  body: pickListInput,
  response: routedPickList,
  problems: ["not_enough_to_pick", "pick_list_reference_taken"],
});

export const listPickListsOp = defineOperation({
  id: "listPickLists",
  method: "GET",
  path: "/api/v1/pick-lists",
  tag: "Picking",
  permission: "stock.view",
  summary: "Pick lists at the caller's sites, newest first",
  query: pickListQuery,
  response: z.object({ data: z.array(pickListSummary) }),
});

export const getPickListOp = defineOperation({
  id: "getPickList",
  method: "GET",
  path: "/api/v1/pick-lists/{id}",
  tag: "Picking",
  permission: "stock.view",
  summary: "A pick list with its lines: what to take, from which bin, and what remains",
  params: pickListId,
  response: pickListView,
  problems: ["not_found"],
});

export const confirmPickOp = defineOperation({
  id: "confirmPick",
  method: "POST",
  path: "/api/v1/pick-lists/{id}/picks",
  tag: "Picking",
  permission: "stock.move",
  idempotency: "in-transaction",
  summary: "Confirm units taken for one line: posts the issue and raises the line's picked quantity atomically",
  description:
    "422 when the scanned bin, SKU or lot is not the line's, or the quantity exceeds what remains; 409 when the list is not open or the bin no longer holds the stock. The list becomes done when every line is picked. On an order's list (or a wave) the units move to the site's staging location with the order's hold instead of being issued, and the order becomes `picked` when every unit is; 409 `order_step_refused` when the order was cancelled meanwhile, `pick_not_held` when a short count moved the hold off the bin.",
  params: pickListId,
  body: pickInput,
  response: pickConfirmation,
  problems: ["not_found", "pick_list_not_open", "insufficient_stock", "serial_not_here", "order_step_refused", "pick_not_held"],
});

export const confirmStopOp = defineOperation({
  id: "confirmStop",
  method: "POST",
  path: "/api/v1/pick-lists/{id}/confirm",
  tag: "Picking",
  permission: "stock.move",
  idempotency: "in-transaction",
  summary: "Confirm units taken at one stop, by its seq: the same as confirming its line's bin, item and lot",
  description:
    "422 on `seq` for a stop the list does not have, on `quantity` when it exceeds what remains; 409 when the list is not open or the bin no longer holds the stock. On an order's list the units move to the site's staging location with the order's hold (see `confirmPick`).",
  params: pickListId,
  body: stopPickInput,
  response: pickConfirmation,
  problems: ["not_found", "pick_list_not_open", "insufficient_stock", "serial_not_here", "order_step_refused", "pick_not_held"],
});

export const cancelPickListOp = defineOperation({
  id: "cancelPickList",
  method: "POST",
  path: "/api/v1/pick-lists/{id}/cancel",
  tag: "Picking",
  permission: "stock.approve",
  summary:
    "Cancel an open pick list (managers); what was picked stays picked, what was not is released (an order's list: its orders go back to allocated)",
  params: pickListId,
  response: pickListView,
  problems: ["not_found", "pick_list_not_open"],
});

export const openWavePickListOp = defineOperation({
  id: "openWavePickList",
  method: "POST",
  path: "/api/v1/pick-lists/wave",
  tag: "Picking",
  permission: "stock.move",
  idempotency: "in-transaction",
  status: 201,
  summary: "Open one routed pick list for a wave of allocated orders of one site",
  description:
    "As `POST /api/v1/orders/{id}/pick-list` for several orders at once: the lines are the orders' held units in one walk, each line picks for its order (confirming moves the units to staging), and each order becomes `picked` when its own units are. 409 when an order is not `allocated`; 422 on `orders` when they ship from several sites; 403 for an order of a site the caller may not pick at.",
  body: wavePickListInput,
  response: routedPickList,
  problems: ["not_found", "order_step_refused", "pick_list_reference_taken"],
});
