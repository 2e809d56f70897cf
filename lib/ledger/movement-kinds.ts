import type { LocationType, MovementKind } from "../db/generated/client";

/** The physical end a kind needs from the caller, and the virtual location that is its other end. */
export type KindRule = { from: "physical" | LocationType; to: "physical" | LocationType; defaultReason: string };

export const KIND_RULES: Record<Exclude<MovementKind, "count" | "transfer_ship" | "transfer_receive" | "reversal">, KindRule> = {
  receive: { from: "supplier", to: "physical", defaultReason: "received" },
  issue: { from: "physical", to: "customer", defaultReason: "sold" },
  scrap: { from: "physical", to: "scrap", defaultReason: "scrapped" },
  damage: { from: "physical", to: "damage", defaultReason: "damaged" },
  loss: { from: "physical", to: "loss", defaultReason: "lost" },
  found: { from: "loss", to: "physical", defaultReason: "found" },
  move: { from: "physical", to: "physical", defaultReason: "putaway" },
  return: { from: "customer", to: "physical", defaultReason: "returned" },
};

export const COUNT_REASON = "count";
