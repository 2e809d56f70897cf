import type { LocationType } from "../db/generated/client";

/**
 * The virtual locations every site has: the other end of each movement that brings stock in or takes it out.
 * Their codes are the site code plus a suffix (WH1-SUPPLIER), so a movement reads "WH1-SUPPLIER → WH1-A01-03".
 */
export const VIRTUAL_LOCATIONS: { type: LocationType; suffix: string; name: string }[] = [
  { type: "supplier", suffix: "SUPPLIER", name: "Suppliers" },
  { type: "customer", suffix: "CUSTOMER", name: "Customers" },
  { type: "loss", suffix: "LOSS", name: "Inventory loss" },
  { type: "scrap", suffix: "SCRAP", name: "Scrap" },
  { type: "damage", suffix: "DAMAGE", name: "Damaged goods" },
  { type: "transit", suffix: "TRANSIT", name: "In transit" },
  { type: "adjustment", suffix: "ADJUST", name: "Count adjustments" },
];

export function virtualLocationCode(siteCode: string, type: LocationType): string {
  const entry = VIRTUAL_LOCATIONS.find((v) => v.type === type);
  if (!entry) throw new Error(`${type} is not a virtual location type`);
  return `${siteCode}-${entry.suffix}`;
}
