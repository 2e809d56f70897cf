import { z } from "zod";
import { defineOperation } from "../contract/operation";
import { extendInput, fulfilInput, fulfilment, reservationInput, reservationQuery, reservationView } from "./schemas";

const reservationId = z.object({ id: z.string().describe("The reservation's id") });
const STEP_PROBLEMS = [
  "not_found",
  "reservation_not_active",
  "reservation_of_an_order",
  "reservation_of_a_document",
  "reservation_of_a_transfer",
] as const;

export const createReservationOp = defineOperation({
  id: "createReservation",
  method: "POST",
  path: "/api/v1/reservations",
  tag: "Reservations",
  permission: "stock.move",
  idempotency: "in-transaction",
  status: 201,
  summary: "Reserve stock of one item at a site: held first-expiring-first until released, expired or fulfilled",
  description:
    "Send an `Idempotency-Key`: a retry answers the first reservation and holds nothing more. 409 `not_enough_available` with `available` when the site can promise less than asked (nothing is reserved), unless `allowPartial` is true. Expires after `ttlSeconds` (900 by default, at most 604800; null holds until released); the app releases expired reservations within seconds.",
  body: reservationInput,
  response: reservationView,
  problems: ["not_enough_available"],
});

export const listReservationsOp = defineOperation({
  id: "listReservations",
  method: "GET",
  path: "/api/v1/reservations",
  tag: "Reservations",
  permission: "stock.view",
  summary: "Reservations at the caller's sites, newest first, by reference, status, SKU or site",
  query: reservationQuery,
  response: z.object({ data: z.array(reservationView), next: z.string().nullable() }),
});

export const getReservationOp = defineOperation({
  id: "getReservation",
  method: "GET",
  path: "/api/v1/reservations/{id}",
  tag: "Reservations",
  permission: "stock.view",
  summary: "One reservation with where its units are held",
  params: reservationId,
  response: reservationView,
  problems: ["not_found"],
});

export const releaseReservationOp = defineOperation({
  id: "releaseReservation",
  method: "POST",
  path: "/api/v1/reservations/{id}/release",
  tag: "Reservations",
  permission: "stock.move",
  idempotency: "in-transaction",
  summary: "Release an active reservation: its units become available again",
  description: "409 when it is no longer active (released, expired, fulfilled) or belongs to an order (cancel the order instead).",
  params: reservationId,
  response: reservationView,
  problems: STEP_PROBLEMS,
});

export const extendReservationOp = defineOperation({
  id: "extendReservation",
  method: "POST",
  path: "/api/v1/reservations/{id}/extend",
  tag: "Reservations",
  permission: "stock.move",
  idempotency: "in-transaction",
  summary: "Make an active reservation expire `ttlSeconds` from now",
  params: reservationId,
  body: extendInput,
  response: reservationView,
  problems: STEP_PROBLEMS,
});

export const fulfilReservationOp = defineOperation({
  id: "fulfilReservation",
  method: "POST",
  path: "/api/v1/reservations/{id}/fulfil",
  tag: "Reservations",
  permission: "stock.move",
  idempotency: "in-transaction",
  summary: "Issue held units to the customer: movements from each held bin and lot; a partial fulfil keeps the rest held",
  description: "Serial-tracked items name the leaving serials. 409 when the reservation is not active or holds fewer units than asked for.",
  params: reservationId,
  body: fulfilInput,
  response: fulfilment,
  problems: [...STEP_PROBLEMS, "fulfil_exceeds_held", "serial_not_here"],
});
