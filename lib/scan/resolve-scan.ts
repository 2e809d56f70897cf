import type { ParsedGs1 } from "../gs1/parse-element-string";
import type { Pallet } from "../purchasing/find-pallet";
import { interpretScan, type ScanFields } from "./interpret-scan";

export type ScanItem = { id: string; sku: string; name: string; gtin: string | null; tracking: string; unit: string };
export type ScanLocation = { code: string; name: string; type: string; site: string };
export type ScanLot = { item: ScanItem; number: string; expiresOn: string | null };
export type ScanSerial = { item: ScanItem; serial: string; location: string | null; lot: string | null };

/**
 * Where a scan's keys are looked up: the database on the server (scoped to the actor's sites), the last synced
 * copy of a site in the browser when the network is gone. Both answer the same questions, so one resolver serves.
 */
export interface ScanCatalog {
  itemByGtin(gtin14: string): Promise<ScanItem | null>;
  /** By SKU (any case) or by an alias barcode. */
  itemByCode(code: string): Promise<ScanItem | null>;
  /** A physical location the actor may see. */
  locationByCode(code: string): Promise<ScanLocation | null>;
  lots(number: string, item?: ScanItem): Promise<ScanLot[]>;
  serials(serial: string, item?: ScanItem): Promise<ScanSerial[]>;
}

export type ScanResolution = {
  kind: "item" | "lot" | "serial" | "location" | "sscc" | "unknown";
  raw: string;
  item?: Omit<ScanItem, "id">;
  /** `isKnown` false: a GS1 scan names a lot (or serial) not received yet, e.g. on a delivery being received. */
  lot?: { number: string; expiresOn: string | null; isKnown: boolean };
  serial?: { serial: string; location: string | null; isKnown: boolean };
  location?: ScanLocation;
  sscc?: string;
  /** For an SSCC, the pallet's shipping notice and order when the actor may see them (looked up on the server only). */
  pallet?: Pallet;
  gs1?: ParsedGs1;
  fields?: ScanFields;
  /** Why the scan was not recognised, in the user's words. */
  message?: string;
};

/** Turns any scanned text into what it identifies. Never throws for unreadable GS1: that is "unknown" with the reason. */
export async function resolveScan(raw: string, catalog: ScanCatalog, parseData?: (data: string) => ParsedGs1): Promise<ScanResolution> {
  let interpretation;
  try {
    interpretation = interpretScan(raw, parseData);
  } catch (error) {
    return { kind: "unknown", raw, message: `Not readable as GS1 data: ${(error as Error).message}` };
  }
  if (interpretation.type === "gs1") return resolveGs1(raw, interpretation.gs1, interpretation.fields, catalog);
  return resolveText(raw, interpretation.text, catalog);
}

async function resolveGs1(raw: string, gs1: ParsedGs1, fields: ScanFields, catalog: ScanCatalog): Promise<ScanResolution> {
  const base = { raw, gs1, fields };
  if (fields.sscc) return { ...base, kind: "sscc", sscc: fields.sscc };
  if (!fields.gtin) return { ...base, kind: "unknown", message: "This GS1 code names no product (no GTIN or SSCC)" };
  const item = await catalog.itemByGtin(fields.gtin);
  if (!item) return { ...base, kind: "unknown", message: `No item has GTIN ${fields.gtin}` };
  const itemView = withoutId(item);
  if (fields.serial) {
    const [known] = await catalog.serials(fields.serial, item);
    return {
      ...base,
      kind: "serial",
      item: itemView,
      serial: { serial: fields.serial, location: known?.location ?? null, isKnown: Boolean(known) },
      ...(fields.lot ? { lot: await lotView(catalog, fields.lot, item, fields.expiresAt) } : {}),
    };
  }
  if (fields.lot) return { ...base, kind: "lot", item: itemView, lot: await lotView(catalog, fields.lot, item, fields.expiresAt) };
  return { ...base, kind: "item", item: itemView };
}

async function lotView(catalog: ScanCatalog, number: string, item: ScanItem, scannedExpiry: string | undefined) {
  const [known] = await catalog.lots(number, item);
  return { number, expiresOn: known?.expiresOn ?? scannedExpiry ?? null, isKnown: Boolean(known) };
}

/** Bin labels first (what clerks scan most), then SKU or alias, then a serial or lot number that names one thing. */
async function resolveText(raw: string, text: string, catalog: ScanCatalog): Promise<ScanResolution> {
  if (text === "") return { kind: "unknown", raw, message: "Nothing was scanned" };
  const location = await catalog.locationByCode(text.toUpperCase());
  if (location) return { kind: "location", raw, location };
  const item = await catalog.itemByCode(text);
  if (item) return { kind: "item", raw, item: withoutId(item) };
  const serials = await catalog.serials(text);
  if (serials.length === 1) {
    const [found] = serials;
    return { kind: "serial", raw, item: withoutId(found.item), serial: { serial: found.serial, location: found.location, isKnown: true } };
  }
  const lots = await catalog.lots(text);
  if (lots.length === 1) {
    const [found] = lots;
    return { kind: "lot", raw, item: withoutId(found.item), lot: { number: found.number, expiresOn: found.expiresOn, isKnown: true } };
  }
  const ambiguous = serials.length > 1 ? "serial of several items" : lots.length > 1 ? "lot of several items" : undefined;
  return { kind: "unknown", raw, message: ambiguous ? `"${text}" is a ${ambiguous}: scan the item's barcode too` : `Nothing is known as "${text}"` };
}

function withoutId({ id: _id, ...rest }: ScanItem): Omit<ScanItem, "id"> {
  return rest;
}
