/**
 * Codes in a movement request → the rows they name, in bulk: one query for its items and locations (shared with
 * the requests that arrive meanwhile), and in-process caches for what practically never changes (each site's
 * virtual locations, the reason codes).
 */
import { poolOf, type Db } from "../db/client";
import { groupedCallsPerPool } from "../db/grouped-calls";
import { queryPrepared, type PreparedStatement } from "../db/prepared";
import type { LocationType } from "../db/generated/client";
import type { ParsedMovementInput } from "./schemas";

export type ResolvedItem = {
  id: string;
  sku: string;
  tracking: "none" | "lot" | "serial";
  active: boolean;
  tempMinC: number | null;
  tempMaxC: number | null;
  humidityMaxPct: number | null;
  hazardClass: string | null;
};
export type ResolvedLocation = {
  id: string;
  code: string;
  siteId: string;
  type: LocationType;
  isVirtual: boolean;
  active: boolean;
  tempMinC: number | null;
  tempMaxC: number | null;
  humidityMaxPct: number | null;
  hazardClasses: string[];
};

export type References = {
  items: Map<string, ResolvedItem>; // by lower-case SKU
  locations: Map<string, ResolvedLocation>; // by code
  virtualLocation: (siteId: string, type: LocationType) => Promise<ResolvedLocation>;
  isReasonCode: (code: string) => Promise<boolean>;
};

const virtualBySite = new Map<string, Map<LocationType, ResolvedLocation>>();
let reasonCodes: { codes: Set<string>; loadedAt: number } | undefined;
const REASON_CODES_TTL_MS = 60_000;

const locationColumns = {
  id: true,
  code: true,
  siteId: true,
  type: true,
  isVirtual: true,
  active: true,
  tempMinC: true,
  tempMaxC: true,
  humidityMaxPct: true,
  hazardClasses: true,
} as const;

async function virtualLocation(db: Db, siteId: string, type: LocationType): Promise<ResolvedLocation> {
  let ofSite = virtualBySite.get(siteId);
  if (!ofSite) {
    // Virtual locations are made with their site and never change, so they are safe to keep for the process.
    const rows = await db.location.findMany({ where: { siteId, isVirtual: true }, select: locationColumns });
    ofSite = new Map(rows.map((row) => [row.type, { ...row, tempMinC: null, tempMaxC: null }]));
    virtualBySite.set(siteId, ofSite);
  }
  const location = ofSite.get(type);
  if (!location) throw new Error(`site ${siteId} has no ${type} location`);
  return location;
}

async function isReasonCode(db: Db, code: string): Promise<boolean> {
  const fresh = reasonCodes && Date.now() - reasonCodes.loadedAt < REASON_CODES_TTL_MS;
  if (fresh && reasonCodes!.codes.has(code)) return true;
  // A miss reloads once, so a code an admin just added is found at once.
  const rows = await db.reasonCode.findMany({ where: { active: true }, select: { code: true } });
  reasonCodes = { codes: new Set(rows.map((r) => r.code)), loadedAt: Date.now() };
  return reasonCodes.codes.has(code);
}

const RESOLVE: PreparedStatement = {
  name: "stockroom_resolve_references",
  text: `SELECT 'item' AS kind, to_jsonb(i) AS row FROM (
      SELECT id, sku, "skuKey", tracking, active, "tempMinC", "tempMaxC", "humidityMaxPct", "hazardClass" FROM "Item" WHERE "skuKey" = ANY ($1::text[])
    ) i
    UNION ALL
    SELECT 'location', to_jsonb(l) FROM (
      SELECT id, code, "siteId", type, "isVirtual", active, "tempMinC", "tempMaxC", "humidityMaxPct", "hazardClasses" FROM "Location" WHERE code = ANY ($2::text[])
    ) l`,
};

type Lookup = { skuKeys: string[]; codes: string[] };
type ReferenceRow = { kind: "item" | "location"; row: ResolvedItem & ResolvedLocation & { skuKey: string } };

/** The lookups of concurrent requests go to the database together, as one (lib/db/grouped-calls.ts). */
const lookups = groupedCallsPerPool<Lookup, ReferenceRow[]>(
  async (pool, group) => {
    const skuKeys = [...new Set(group.flatMap((lookup) => lookup.skuKeys))];
    const codes = [...new Set(group.flatMap((lookup) => lookup.codes))];
    const { rows } = await pool.query<ReferenceRow>({ ...RESOLVE, values: [skuKeys, codes] });
    if (group.length === 1) return [rows];
    // Each request gets only what it asked for.
    return group.map((lookup) => {
      const [wantedSkus, wantedCodes] = [new Set(lookup.skuKeys), new Set(lookup.codes)];
      return rows.filter(({ kind, row }) => (kind === "item" ? wantedSkus.has(row.skuKey) : wantedCodes.has(row.code)));
    });
  },
  { inFlight: 2, maxGroup: 64 },
);

/**
 * One prepared statement for every item and location a request names: on the ledger's hot path a raw query
 * costs a fraction of the CPU of a Prisma model query (docs/BENCHMARKS.md).
 */
export async function resolveReferences(db: Db, inputs: readonly ParsedMovementInput[]): Promise<References> {
  const skuKeys = [...new Set(inputs.map((i) => i.sku.toLowerCase()))];
  const codes = [...new Set(inputs.flatMap((i) => [i.from, i.to].filter((c): c is string => !!c)))];
  const pool = poolOf(db);
  const rows = pool ? await lookups(pool).call({ skuKeys, codes }) : await queryPrepared<ReferenceRow>(db, RESOLVE, [skuKeys, codes]);
  const items = new Map<string, ResolvedItem>();
  const locations = new Map<string, ResolvedLocation>();
  for (const { kind, row } of rows) {
    if (kind === "item") items.set(row.skuKey, row);
    else locations.set(row.code, row);
  }
  return {
    items,
    locations,
    virtualLocation: (siteId, type) => virtualLocation(db, siteId, type),
    isReasonCode: (code) => isReasonCode(db, code),
  };
}
