/**
 * npm run bench:dataset [-- --url=postgresql://… ] — a large, realistic catalogue for bench/search.ts.
 * Without --url (or DATABASE_URL) it recreates the database stockroom_bench_large on 127.0.0.1:5432 (or
 * TEST_DATABASE_URL's server) and migrates it. Fills, deterministically:
 *   200,000 items with multi-word names (brand, material, product noun, size) and descriptions, one GTIN each
 *   and an alias barcode for one in five, a supplier SKU for two in five; 10% lot-tracked (3 lots each), 2%
 *   serial-tracked (5 units each); 60 categories; 20 suppliers;
 *   2 sites × 5 zones × 10 aisles × 50 bins = 5,000 bins, and a floor plan of site L1 with one shape per bin;
 *   1,000,000 physical stock levels (5 per item) with one opening receipt each (supplier → bin, so the ledger
 *   still explains every level) and the supplier locations' negative balances; then the search vocabulary.
 * Everything is INSERT … SELECT over generate_series, with word choices from a multiplicative hash of the row
 * number, so two runs make the same data. Prints the time of each step.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { SYSTEM_ACTOR } from "../lib/auth/actor";
import { createDb } from "../lib/db/client";
import { applyMigrations } from "../lib/db/schema-engine";
import { withDatabase } from "../lib/db/test-database";
import { createSite } from "../lib/locations/create-site";
import { ensureDefaultReasonCodes } from "../lib/reasons/default-reason-codes";
import { createUser } from "../lib/users/create-user";

// Word lists for names; about 40 × 30 × 100 × 30 combinations, so a full name (with its size) nearly always
// names one item, while "brand noun" names dozens — as in a real hardware catalogue.
const BRANDS = [
  "Makita",
  "Bosch",
  "DeWalt",
  "Milwaukee",
  "Stanley",
  "Wera",
  "Knipex",
  "Wiha",
  "Hilti",
  "Festool",
  "Metabo",
  "Fischer",
  "Würth",
  "Bahco",
  "Gedore",
  "Hazet",
  "Facom",
  "Irwin",
  "Klein",
  "Fluke",
  "Loctite",
  "3M",
  "Tesa",
  "Kärcher",
  "Ryobi",
  "Einhell",
  "Hitachi",
  "Ridgid",
  "Rothenberger",
  "Geberit",
  "Legrand",
  "Hager",
  "Schneider",
  "Phoenix",
  "Weidmüller",
  "Brady",
  "Ansell",
  "Uvex",
  "Dräger",
  "Norton",
];
const MATERIALS = [
  "Stainless",
  "Galvanised",
  "Zinc-plated",
  "Brass",
  "Copper",
  "Aluminium",
  "Nylon",
  "Rubber",
  "Carbon",
  "Titanium",
  "Chrome",
  "Hardened",
  "Black",
  "Yellow",
  "Red",
  "Blue",
  "Heavy-duty",
  "Compact",
  "Cordless",
  "Insulated",
  "Magnetic",
  "Flexible",
  "Reinforced",
  "Waterproof",
  "Anti-slip",
  "Industrial",
  "Precision",
  "Professional",
  "Lightweight",
  "Folding",
];
const NOUNS = [
  "Hex Bolt",
  "Carriage Bolt",
  "Wood Screw",
  "Machine Screw",
  "Self-tapping Screw",
  "Wall Plug",
  "Washer",
  "Spring Washer",
  "Hex Nut",
  "Lock Nut",
  "Wing Nut",
  "Threaded Rod",
  "Anchor",
  "Rivet",
  "Cable Tie",
  "Hose Clamp",
  "Drill Bit",
  "Hole Saw",
  "Chisel",
  "Hammer",
  "Mallet",
  "Screwdriver",
  "Screwdriver Set",
  "Torque Wrench",
  "Spanner",
  "Socket Set",
  "Ratchet",
  "Pliers",
  "Wire Stripper",
  "Side Cutter",
  "Crimping Tool",
  "Utility Knife",
  "Tape Measure",
  "Spirit Level",
  "Angle Grinder",
  "Impact Driver",
  "Hammer Drill",
  "Jigsaw",
  "Circular Saw",
  "Reciprocating Saw",
  "Orbital Sander",
  "Heat Gun",
  "Glue Gun",
  "Soldering Iron",
  "Multimeter",
  "Voltage Tester",
  "Extension Cable",
  "Cable Reel",
  "Junction Box",
  "Circuit Breaker",
  "Terminal Block",
  "Fuse",
  "LED Floodlight",
  "Work Light",
  "Headlamp",
  "Battery Pack",
  "Charger",
  "Pipe Wrench",
  "Pipe Cutter",
  "Pipe Fitting",
  "Ball Valve",
  "Check Valve",
  "Pressure Gauge",
  "PTFE Tape",
  "Silicone Sealant",
  "Epoxy Adhesive",
  "Threadlocker",
  "Duct Tape",
  "Masking Tape",
  "Sanding Disc",
  "Cutting Disc",
  "Grinding Wheel",
  "Wire Brush",
  "Safety Glasses",
  "Ear Defenders",
  "Work Gloves",
  "Nitrile Gloves",
  "Hard Hat",
  "Hi-vis Vest",
  "Respirator Mask",
  "Knee Pads",
  "Safety Boots",
  "First Aid Kit",
  "Fire Extinguisher",
  "Storage Bin",
  "Tool Box",
  "Tool Bag",
  "Parts Organiser",
  "Shelf Bracket",
  "Hinge",
  "Padlock",
  "Door Handle",
  "Caster Wheel",
  "Ladder",
  "Step Stool",
  "Wheelbarrow",
  "Broom",
  "Mop Bucket",
  "Degreaser",
];
const SIZES = [
  "M3",
  "M4",
  "M5",
  "M6",
  "M8",
  "M10",
  "M12",
  "M16",
  "6 mm",
  "8 mm",
  "10 mm",
  "13 mm",
  "19 mm",
  "25 mm",
  "50 mm",
  "100 mm",
  "1/4 in",
  "3/8 in",
  "1/2 in",
  "3/4 in",
  "5 m",
  "10 m",
  "25 m",
  "12V",
  "18V",
  "230V",
  "Size 9",
  "Size 10",
  "XL",
  "500 ml",
];

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, "").split("=")) as [string, string?][]);
const ITEMS = Number(args.items ?? 200_000);
const SITES = ["L1", "L2"];
const ZONES = ["A", "B", "C", "D", "E"];
const AISLES = 10;
const BINS_PER_AISLE = 50;
const LEVELS_PER_ITEM = 5;

const sqlArray = (words: readonly string[]) => `ARRAY[${words.map((w) => `'${w.replace(/'/g, "''")}'`).join(",")}]::text[]`;
/** The word of `list` for row `n`, picked by a multiplicative hash with its own odd multiplier. */
const pick = (list: readonly string[], n: string, multiplier: number) =>
  `(${sqlArray(list)})[1 + ((${n}::bigint * ${multiplier}) % 4294967291 % ${list.length})]`;

async function prepareDatabase(): Promise<string> {
  const given = args.url ?? process.env.DATABASE_URL;
  if (given) {
    await applyMigrations(given);
    return given;
  }
  const server = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS stockroom_bench_large WITH (FORCE)`);
  await admin.query(`CREATE DATABASE stockroom_bench_large`);
  await admin.end();
  const url = withDatabase(server, "stockroom_bench_large");
  await applyMigrations(url);
  return url;
}

const started = performance.now();
let lap = started;
function step(label: string) {
  const now = performance.now();
  console.log(`${label.padEnd(44)} ${((now - lap) / 1000).toFixed(1).padStart(6)} s`);
  lap = now;
}

const url = await prepareDatabase();
step("database created and migrated");
const db = createDb(url, 2);
await ensureDefaultReasonCodes(db);
for (const code of SITES) await createSite(db, SYSTEM_ACTOR, { code, name: `Large ${code}` });
// A user, so that the app started on this database (bench:search --http) does not take it for a first start and
// seed the demo warehouse into it: it did, adding 306 items to the 200,000. Nobody signs in with it.
await createUser(db, SYSTEM_ACTOR, { email: "bench@example.com", name: "Bench", role: "admin", password: randomUUID(), sites: [] });
await db.$disconnect();

const client = new pg.Client({ connectionString: url });
await client.connect();
const run = (sql: string) => client.query(sql);
// A bulk load: no need to wait for the WAL flush of each statement.
await run("SET synchronous_commit = off");

// Zones → aisles → bins under each site: codes like L1-A-03-017.
await run(`
  INSERT INTO "Location" (id, "siteId", "parentId", code, name, type, path, "createdAt")
  SELECT gen_random_uuid(), s.id, r.id, s.code || '-' || z, 'Zone ' || z, 'zone', s.code || '/' || s.code || '-' || z, now()
  FROM "Site" s JOIN "Location" r ON r.code = s.code, unnest(${sqlArray(ZONES)}) z
  WHERE s.code IN (${SITES.map((c) => `'${c}'`).join(",")})`);
await run(`
  INSERT INTO "Location" (id, "siteId", "parentId", code, name, type, path, "createdAt")
  SELECT gen_random_uuid(), z."siteId", z.id, z.code || '-' || lpad(a::text, 2, '0'), 'Aisle ' || a, 'aisle', z.path || '/' || z.code || '-' || lpad(a::text, 2, '0'), now()
  FROM "Location" z, generate_series(1, ${AISLES}) a WHERE z.type = 'zone'`);
await run(`
  INSERT INTO "Location" (id, "siteId", "parentId", code, name, type, path, "createdAt")
  SELECT gen_random_uuid(), a."siteId", a.id, a.code || '-' || lpad(b::text, 3, '0'), 'Bin ' || b, 'bin', a.path || '/' || a.code || '-' || lpad(b::text, 3, '0'), now()
  FROM "Location" a, generate_series(1, ${BINS_PER_AISLE}) b WHERE a.type = 'aisle'`);
// The floor plan of L1: bins in a grid, 1 m × 0.8 m each, one row of aisles per zone.
await run(`
  INSERT INTO "SiteMap" ("siteId", width, height, shapes, "updatedByLabel")
  SELECT s.id, 220, 120, jsonb_agg(jsonb_build_object(
      'id', 'shape-' || l.code, 'kind', 'bin', 'location', l.code,
      'x', 2 + (right(l.code, 3)::int - 1) * 1.2 + 0, 'y', 2 + (ascii(split_part(l.code, '-', 2)) - 65) * 22 + split_part(l.code, '-', 3)::int * 2,
      'width', 1, 'height', 0.8)), 'generator'
  FROM "Site" s JOIN "Location" l ON l."siteId" = s.id AND l.type = 'bin'
  WHERE s.code = 'L1' GROUP BY s.id`);
step(`${SITES.length * ZONES.length * AISLES * BINS_PER_AISLE} bins and a floor plan`);

await run(`
  INSERT INTO "Category" (id, name, "parentId", path)
  SELECT gen_random_uuid(), t, NULL, t FROM unnest(ARRAY['Fasteners','Power tools','Hand tools','Electrical','Plumbing','Safety','Adhesives','Abrasives','Storage','Cleaning']) t`);
await run(`
  INSERT INTO "Category" (id, name, "parentId", path)
  SELECT gen_random_uuid(), 'Range ' || k, c.id, c.path || ' > Range ' || k FROM "Category" c, generate_series(1, 5) k WHERE c."parentId" IS NULL`);
await run(`
  INSERT INTO "Supplier" (id, code, name, "createdAt")
  SELECT gen_random_uuid(), 'SUP' || lpad(k::text, 2, '0'), 'Supplier ' || k, now() FROM generate_series(1, 20) k`);

// Items: "Makita Stainless Hex Bolt M8", SKU "MAK-HEXB-004217". 10% lot-tracked, 2% serial-tracked.
await run(`
  CREATE TEMP TABLE gen_item AS
  SELECT n, ${pick(BRANDS, "n", 2654435761)} AS brand, ${pick(MATERIALS, "n", 2246822519)} AS material,
    ${pick(NOUNS, "n", 3266489917)} AS noun, ${pick(SIZES, "n", 668265263)} AS size
  FROM generate_series(0, ${ITEMS - 1}) n`);
await run(`
  INSERT INTO "Item" (id, sku, "skuKey", name, description, "categoryId", tracking, attributes, "createdAt", "updatedAt")
  SELECT gen_random_uuid(), sku, lower(sku), g.brand || ' ' || g.material || ' ' || g.noun || ' ' || g.size,
    g.material || ' ' || lower(g.noun) || ' by ' || g.brand || ', size ' || g.size || '. ' ||
      (ARRAY['Trade quality.','For workshop and site use.','Sold per piece.','Pack of 10.','Replacement part.'])[1 + n % 5],
    cats.ids[1 + (n * 7) % 50],
    (CASE WHEN n % 50 = 3 THEN 'serial' WHEN n % 10 = 1 THEN 'lot' ELSE 'none' END)::"TrackingMode",
    '{}'::jsonb, now(), now()
  FROM gen_item g, (SELECT array_agg(id ORDER BY path) AS ids FROM "Category" WHERE "parentId" IS NOT NULL) cats, LATERAL (SELECT upper(left(regexp_replace(g.brand, '[^A-Za-z]', '', 'g'), 3)) || '-' ||
    upper(left(regexp_replace(g.noun, '[^A-Za-z]', '', 'g'), 4)) || '-' || lpad(n::text, 6, '0') AS sku) s`);
await run(`CREATE TEMP TABLE gen_id AS SELECT right(sku, 6)::int AS n, id, tracking FROM "Item"`);
await run(`CREATE UNIQUE INDEX ON gen_id (n)`);
// Every item's reorder point as its item-wide default threshold (lib/thresholds).
await run(`
  INSERT INTO "StockThreshold" (id, "itemId", "siteId", "reorderPoint", "reorderPointSource", "updatedAt", "updatedBy")
  SELECT gen_random_uuid(), id, NULL, (n * 13) % 60, 'manual', now(), 'generator' FROM gen_id`);
step(`${ITEMS.toLocaleString("en")} items`);

// A GTIN-13 per item (prefix 400, check digit per GS1), stored as GTIN-14; an alias for one item in five.
await run(`
  INSERT INTO "Barcode" (id, "itemId", kind, code)
  SELECT gen_random_uuid(), id, 'gtin', '0' || body || ((10 - (
      SELECT sum(substr(body, i, 1)::int * (CASE WHEN i % 2 = 1 THEN 1 ELSE 3 END)) FROM generate_series(1, 12) i) % 10) % 10)
  FROM (SELECT id, '400' || lpad(n::text, 9, '0') AS body FROM gen_id) b`);
await run(`
  INSERT INTO "Barcode" (id, "itemId", kind, code)
  SELECT gen_random_uuid(), id, 'alias', 'AL' || lpad(((n::bigint * 40503) % 1000003)::text, 7, '0') FROM gen_id WHERE n % 5 = 2`);
await run(`
  INSERT INTO "ItemSupplier" ("itemId", "supplierId", "supplierSku", "unitCost", currency, preferred)
  SELECT g.id, s.id, s.code || '-' || upper(substr(md5(g.n::text), 1, 6)), ((g.n % 997) / 10.0)::numeric(18,4), 'EUR', true
  FROM gen_id g JOIN "Supplier" s ON s.code = 'SUP' || lpad((1 + g.n % 20)::text, 2, '0') WHERE g.n % 5 IN (0, 3)`);
await run(`
  INSERT INTO "Lot" (id, "itemId", number, "expiresOn", "manufacturedOn", "createdAt")
  SELECT gen_random_uuid(), id, 'LOT' || lpad(n::text, 6, '0') || '-' || k, DATE '2026-09-01' + ((n * 37 + k * 151) % 900), DATE '2026-01-01', now()
  FROM gen_id, generate_series(1, 3) k WHERE tracking = 'lot'`);
step("barcodes, supplier SKUs, lots");

// Five bins per item, far apart (997 is prime to the 5,000 bins); lot items spread over their lots; serial items
// hold one unit per bin. One item in twenty has everything reserved (out of stock for the status filter).
await run(`CREATE TEMP TABLE gen_bin AS SELECT row_number() OVER (ORDER BY code) - 1 AS k, id, "siteId" FROM "Location" WHERE type = 'bin'`);
await run(`CREATE UNIQUE INDEX ON gen_bin (k)`);
await run(`
  CREATE TEMP TABLE gen_level AS
  SELECT gen_random_uuid() AS id, g.id AS "itemId", b.id AS "locationId", b."siteId", lot.id AS "lotId", c AS copy,
    CASE WHEN g.tracking = 'serial' THEN 1 ELSE 1 + (g.n * 31 + c * 17) % 150 END AS "onHand", g.n % 20 = 7 AS "allReserved", g.n, g.tracking
  FROM gen_id g
  CROSS JOIN generate_series(0, ${LEVELS_PER_ITEM - 1}) c
  JOIN gen_bin b ON b.k = (g.n::bigint * 7919 + c * 997) % ${SITES.length * ZONES.length * AISLES * BINS_PER_AISLE}
  LEFT JOIN "Lot" lot ON g.tracking = 'lot' AND lot."itemId" = g.id AND lot.number = 'LOT' || lpad(g.n::text, 6, '0') || '-' || (1 + c % 3)`);
await run(`
  INSERT INTO "StockLevel" (id, "itemId", "locationId", "lotId", "isVirtual", "onHand", reserved, "updatedAt")
  SELECT id, "itemId", "locationId", "lotId", false, "onHand", CASE WHEN "allReserved" THEN "onHand" ELSE 0 END, now() FROM gen_level`);
step(`${(ITEMS * LEVELS_PER_ITEM).toLocaleString("en")} stock levels`);

// The ledger's truth behind each level: one receipt from the site's supplier location; the supplier location's
// balance is minus what it sent. Serial units sit in the bin of their receipt.
await run(`
  CREATE TEMP TABLE gen_supplier AS SELECT l."siteId", l.id FROM "Location" l WHERE l.type = 'supplier'`);
await run(`
  INSERT INTO "StockMovement" ("postingId", kind, "itemId", quantity, "fromLocationId", "toLocationId", "lotId", "reasonCode", note, "actorLabel", at)
  SELECT gen_random_uuid(), 'receive', l."itemId", l."onHand", s.id, l."locationId", l."lotId", 'received', 'opening balance (generated)', 'system',
    TIMESTAMPTZ '2026-10-01' + (l.n % 1000) * INTERVAL '1 minute'
  FROM gen_level l JOIN gen_supplier s ON s."siteId" = l."siteId"`);
step("1 opening receipt per level");
await run(`
  INSERT INTO "StockLevel" (id, "itemId", "locationId", "lotId", "isVirtual", "onHand", reserved, "updatedAt")
  SELECT gen_random_uuid(), l."itemId", s.id, l."lotId", true, -sum(l."onHand"), 0, now()
  FROM gen_level l JOIN gen_supplier s ON s."siteId" = l."siteId" GROUP BY l."itemId", s.id, l."lotId"`);
await run(`
  INSERT INTO "Serial" (id, "itemId", serial, "locationId", "createdAt")
  SELECT gen_random_uuid(), "itemId", 'SN' || lpad(n::text, 6, '0') || '-' || copy, "locationId", now() FROM gen_level WHERE tracking = 'serial'`);
step("supplier balances and serial units");
// The vocabulary the search corrects misspelled words against (lib/search/refresh-search-words.ts).
await run(`REFRESH MATERIALIZED VIEW "SearchWord"`);
await run(`REFRESH MATERIALIZED VIEW "SearchWordVariant"`);
step("search vocabulary");
await run("VACUUM ANALYZE");
step("VACUUM ANALYZE");

const counts = await client.query(`SELECT
  (SELECT count(*) FROM "Item") AS items, (SELECT count(*) FROM "Barcode") AS barcodes, (SELECT count(*) FROM "Lot") AS lots,
  (SELECT count(*) FROM "Serial") AS serials, (SELECT count(*) FROM "Location" WHERE type = 'bin') AS bins,
  (SELECT count(*) FROM "StockLevel" WHERE NOT "isVirtual") AS levels, (SELECT count(*) FROM "StockMovement") AS movements`);
await client.end();
console.log(
  Object.entries(counts.rows[0])
    .map(([k, v]) => `${k} ${Number(v).toLocaleString("en")}`)
    .join(", "),
);
console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s → ${url.replace(/\/\/[^@]*@/, "//")}`);
process.exit(0);
