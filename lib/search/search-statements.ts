/**
 * The SQL behind searchEverything, apart so bench/search.ts can EXPLAIN it. Three statements (the second in
 * misspelled-statement.ts):
 *   codesAndWords — exact codes, prefixes, substrings of codes and full-text words, over items, locations, lots
 *                   and serials, ranked and limited in the database;
 *   misspelled    — items whose name holds the query's words give or take typos: words corrected against the
 *                   vocabulary of names, else the whole query compared with every name; run only when the first
 *                   matched no code and no name;
 *   stock         — on hand per location for the items and lots in the answer, at the sites the actor may see.
 * Every index used here is created in prisma/migrations/20261127080000_search.
 */
import { siteFilter, type Actor } from "../auth/actor";
import { availableOfLevel } from "../availability/availability-rule";
import { normaliseCategoryPath } from "../catalog/category-path";
import { Prisma } from "../db/generated/client";
import type { SearchParams } from "./schemas";
import type { SearchTerms } from "./search-terms";

// Scores: one table, so the order of the stages is visible in one place. Misspellings score below 0.5 × their
// similarity, so they never outrank a real word match.
export const SCORE = {
  exact: 1,
  supplierSku: 0.95,
  skuPrefix: 0.9,
  codePrefix: 0.85,
  codeContains: 0.65,
  nameWords: 0.7, // + up to 0.1 by ts_rank_cd
  descriptionWords: 0.5, // + up to 0.1
  misspelled: 0.49, // × similarity in [0, 1]
} as const;

// Must equal the expression of the index "Item_document_idx" character for character.
export const DOCUMENT = Prisma.sql`(setweight(to_tsvector('simple'::regconfig, i.name), 'A') || setweight(to_tsvector('simple'::regconfig, coalesce(i.description, '')), 'B'))`;

/** The item's reorder point in force at the site asked for (else its item-wide default's), 0 when none. */
function reorderPointOf(params: SearchParams): Prisma.Sql {
  const fallback = Prisma.sql`(SELECT t."reorderPoint" FROM "StockThreshold" t WHERE t."itemId" = i.id AND t."siteId" IS NULL)`;
  if (!params.site) return Prisma.sql`COALESCE(${fallback}, 0)`;
  return Prisma.sql`COALESCE((SELECT t."reorderPoint" FROM "StockThreshold" t WHERE t."itemId" = i.id
    AND t."siteId" = (SELECT s.id FROM "Site" s WHERE s.code = ${params.site})), ${fallback}, 0)`;
}

/**
 * Where a located thing (alias `l`, a Location) may be shown: at the actor's sites (clerks; in the query
 * itself, so nothing leaks), and within the asked site and zone.
 */
function locatedConditions(actor: Actor, params: SearchParams): Prisma.Sql[] {
  const scope = siteFilter(actor).siteId?.in;
  const conditions: Prisma.Sql[] = [];
  if (scope) conditions.push(scope.length > 0 ? Prisma.sql`l."siteId" IN (${Prisma.join(scope)})` : Prisma.sql`false`);
  if (params.site) conditions.push(Prisma.sql`l."siteId" = (SELECT s.id FROM "Site" s WHERE s.code = ${params.site})`);
  if (params.zone) {
    const zonePath = Prisma.sql`(SELECT z.path FROM "Location" z WHERE z.code = ${params.zone})`;
    conditions.push(Prisma.sql`(l.path = ${zonePath} OR starts_with(l.path, ${zonePath} || '/'))`);
  }
  return conditions;
}

/** A level's available quantity under the one rule (lib/availability/availability-rule.ts), in visibleLevels' aliases. */
const AVAILABLE = availableOfLevel({ level: "sl", location: "l", lot: "sl_lot" });

/** Physical levels (`sl`, at location `l`, of lot `sl_lot`) the actor may see, narrowed by `extra`, as a FROM … WHERE. */
function visibleLevels(actor: Actor, params: SearchParams, extra: Prisma.Sql[] = []): Prisma.Sql {
  const conditions = [Prisma.sql`NOT sl."isVirtual"`, ...locatedConditions(actor, params), ...extra];
  // The lot is joined for the availability rule; PostgreSQL drops the join where nothing reads it.
  return Prisma.sql`"StockLevel" sl JOIN "Location" l ON l.id = sl."locationId" LEFT JOIN "Lot" sl_lot ON sl_lot.id = sl."lotId"
    WHERE ${Prisma.join(conditions, " AND ")}`;
}

/** The filters on the item (alias `i`); lots and serials pass through them too. */
export function itemConditions(actor: Actor, params: SearchParams): Prisma.Sql {
  const conditions = [Prisma.sql`i.active`];
  if (params.category) {
    const path = normaliseCategoryPath(params.category);
    conditions.push(Prisma.sql`i."categoryId" = ANY (ARRAY(
      SELECT c.id FROM "Category" c WHERE c.path = ${path} OR c.path LIKE ${`${path.replace(/[\\%_]/g, "\\$&")} > %`}))`);
  }
  if (params.supplier) {
    conditions.push(Prisma.sql`i.id = ANY (ARRAY(
      SELECT x."itemId" FROM "ItemSupplier" x JOIN "Supplier" s ON s.id = x."supplierId" WHERE s.code = ${params.supplier}))`);
  }
  // A site or zone asked for narrows items to those with stock there.
  if (params.site || params.zone) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM ${visibleLevels(actor, params, [Prisma.sql`sl."itemId" = i.id`, Prisma.sql`sl."onHand" > 0`])})`,
    );
  }
  if (params.expiringWithinDays !== undefined) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM ${visibleLevels(actor, params, [
        Prisma.sql`sl."itemId" = i.id`,
        Prisma.sql`sl."onHand" > 0`,
        Prisma.sql`sl."lotId" IN (SELECT lo.id FROM "Lot" lo WHERE lo."itemId" = i.id AND lo."expiresOn" <= current_date + ${params.expiringWithinDays}::int)`,
      ])})`,
    );
  }
  if (params.stockStatus) {
    const available = Prisma.sql`(SELECT COALESCE(SUM(${AVAILABLE}), 0) FROM ${visibleLevels(actor, params, [Prisma.sql`sl."itemId" = i.id`])})`;
    const reorderPoint = reorderPointOf(params);
    conditions.push(
      params.stockStatus === "out"
        ? Prisma.sql`${available} <= 0`
        : params.stockStatus === "low"
          ? Prisma.sql`${available} > 0 AND ${available} <= ${reorderPoint}`
          : Prisma.sql`${available} > ${reorderPoint}`,
    );
  }
  return Prisma.join(conditions, " AND ");
}

const hasItemFilters = (params: SearchParams) =>
  params.category !== undefined || params.supplier !== undefined || params.stockStatus !== undefined || params.expiringWithinDays !== undefined;

/**
 * True once some code equals the query exactly (visible or not): the other stages are then skipped by a one-time
 * filter, so a scan answers with its item alone and costs a few index probes. Lower-cased on both sides.
 */
function exactCode(terms: SearchTerms): Prisma.Sql {
  return Prisma.sql`EXISTS (
    SELECT 1 FROM "Item" WHERE "skuKey" = ${terms.lower}
    UNION ALL SELECT 1 FROM "Barcode" WHERE code IN (${Prisma.join(terms.barcodes)})
    UNION ALL SELECT 1 FROM "ItemSupplier" WHERE lower("supplierSku") = ${terms.lower}
    UNION ALL SELECT 1 FROM "Location" WHERE lower(code) = ${terms.lower}
    UNION ALL SELECT 1 FROM "Lot" WHERE lower(number) = ${terms.lower}
    UNION ALL SELECT 1 FROM "Serial" WHERE lower(serial) = ${terms.lower})`;
}

/** Item ids with a score, from every code and word stage (an item may appear more than once). */
function itemHits(terms: SearchTerms, inexact: Prisma.Sql): Prisma.Sql {
  const branches = [
    Prisma.sql`SELECT i.id AS "itemId", ${SCORE.exact}::float8 AS score FROM "Item" i WHERE i."skuKey" = ${terms.lower}`,
    Prisma.sql`SELECT b."itemId", ${SCORE.exact}::float8 FROM "Barcode" b WHERE b.code IN (${Prisma.join(terms.barcodes)})`,
    Prisma.sql`SELECT x."itemId", ${SCORE.supplierSku}::float8 FROM "ItemSupplier" x WHERE lower(x."supplierSku") = ${terms.lower}`,
  ];
  if (terms.isCodeLike) {
    branches.push(
      Prisma.sql`SELECT i.id, ${SCORE.skuPrefix}::float8 FROM "Item" i WHERE lower(i.sku) LIKE ${terms.prefixPattern} AND ${inexact}`,
      Prisma.sql`SELECT b."itemId", ${SCORE.codePrefix}::float8 FROM "Barcode" b WHERE lower(b.code) LIKE ${terms.prefixPattern} AND ${inexact}`,
      Prisma.sql`SELECT x."itemId", ${SCORE.codePrefix}::float8 FROM "ItemSupplier" x WHERE lower(x."supplierSku") LIKE ${terms.prefixPattern} AND ${inexact}`,
    );
  }
  // Words, parsed by the same parser as the documents: every word must be there (its prefix, from three
  // characters); all of them in the name (weight A) ranks above a match that needs the description.
  branches.push(Prisma.sql`
    SELECT i.id, (CASE WHEN ${DOCUMENT} @@ w.in_name THEN ${SCORE.nameWords}::float8 ELSE ${SCORE.descriptionWords}::float8 END
      + 0.1 * ts_rank_cd(${DOCUMENT}, w.anywhere, 32))::float8
    FROM "Item" i, (
      SELECT to_tsquery('simple', coalesce(string_agg(quote_literal(t) || CASE WHEN length(t) >= 3 THEN ':*' ELSE '' END, ' & '), '')) AS anywhere,
        to_tsquery('simple', coalesce(string_agg(quote_literal(t) || CASE WHEN length(t) >= 3 THEN ':*A' ELSE ':A' END, ' & '), '')) AS in_name
      FROM unnest(tsvector_to_array(to_tsvector('simple', ${terms.text}))) t
    ) w
    WHERE ${DOCUMENT} @@ w.anywhere AND ${inexact}`);
  return Prisma.join(branches, " UNION ALL ");
}

/**
 * Rows of one kind of code (column lower-cased): the exact one, and — for a query that looks like a code —
 * those starting with or containing it, unless some code matched exactly.
 */
function codeRows(
  column: Prisma.Sql,
  terms: SearchTerms,
  inexact: Prisma.Sql,
  select: (score: Prisma.Sql, match: Prisma.Sql) => Prisma.Sql,
): Prisma.Sql[] {
  const rows = [select(Prisma.sql`${SCORE.exact}::float8`, Prisma.sql`${column} = ${terms.lower}`)];
  if (terms.isCodeLike) {
    rows.push(
      select(
        Prisma.sql`(CASE WHEN ${column} LIKE ${terms.prefixPattern} THEN ${SCORE.codePrefix}::float8 ELSE ${SCORE.codeContains}::float8 END)`,
        Prisma.sql`${column} LIKE ${terms.containsPattern} AND ${column} <> ${terms.lower} AND ${inexact}`,
      ),
    );
  }
  return rows;
}

/** Exact codes, prefixes, substrings and words: one statement, best first. */
export function codesAndWordsStatement(actor: Actor, params: SearchParams, terms: SearchTerms): Prisma.Sql {
  const items = itemConditions(actor, params);
  const located = Prisma.join([Prisma.sql`true`, ...locatedConditions(actor, params)], " AND ");
  const inexact = Prisma.sql`NOT ${exactCode(terms)}`;
  const parts = [
    Prisma.sql`
    SELECT 'item' AS type, i.id AS "itemId", NULL::uuid AS "lotId", i.sku, i.name, NULL AS code, NULL AS site, NULL AS location,
      NULL::text AS "expiresOn", h.score
    FROM (SELECT "itemId", max(score) AS score FROM (${itemHits(terms, inexact)}) hit GROUP BY "itemId") h
    JOIN "Item" i ON i.id = h."itemId"
    WHERE ${items}`,
  ];
  if (!hasItemFilters(params)) {
    parts.push(
      ...codeRows(
        Prisma.sql`lower(l.code)`,
        terms,
        inexact,
        (score, match) => Prisma.sql`
      SELECT 'location', NULL, NULL, NULL, l.name, l.code, s.code, NULL, NULL, ${score}
      FROM "Location" l JOIN "Site" s ON s.id = l."siteId"
      WHERE ${match} AND NOT l."isVirtual" AND l.active AND ${located}`,
      ),
    );
  }
  // A lot shows where the actor may see some of its stock; serials where the unit is.
  const lotVisible =
    siteFilter(actor).siteId || params.site || params.zone
      ? Prisma.sql`AND EXISTS (SELECT 1 FROM ${visibleLevels(actor, params, [Prisma.sql`sl."lotId" = lo.id`])})`
      : Prisma.empty;
  const lotExpiry =
    params.expiringWithinDays !== undefined ? Prisma.sql`AND lo."expiresOn" <= current_date + ${params.expiringWithinDays}::int` : Prisma.empty;
  parts.push(
    ...codeRows(
      Prisma.sql`lower(lo.number)`,
      terms,
      inexact,
      (score, match) => Prisma.sql`
    SELECT 'lot', i.id, lo.id, i.sku, i.name, lo.number, NULL, NULL, to_char(lo."expiresOn", 'YYYY-MM-DD'), ${score}
    FROM "Lot" lo JOIN "Item" i ON i.id = lo."itemId"
    WHERE ${match} AND ${items} ${lotVisible} ${lotExpiry}`,
    ),
  );
  parts.push(
    ...codeRows(
      Prisma.sql`lower(se.serial)`,
      terms,
      inexact,
      (score, match) => Prisma.sql`
    SELECT 'serial', i.id, NULL, i.sku, i.name, se.serial, s.code, l.code, NULL, ${score}
    FROM "Serial" se JOIN "Item" i ON i.id = se."itemId" JOIN "Location" l ON l.id = se."locationId" JOIN "Site" s ON s.id = l."siteId"
    WHERE ${match} AND ${items} AND ${located}`,
    ),
  );
  return Prisma.sql`
    ${Prisma.join(parts, " UNION ALL ")}
    ORDER BY score DESC, type, sku, code
    LIMIT ${params.limit}`;
}

/** On hand and available (the one rule) per item (or lot) and location over the levels the actor may see, largest first. */
export function stockStatement(actor: Actor, params: SearchParams, itemIds: string[], lotIds: string[]): Prisma.Sql {
  const wanted = [
    itemIds.length > 0 ? Prisma.sql`sl."itemId" IN (${Prisma.join(itemIds)})` : null,
    lotIds.length > 0 ? Prisma.sql`sl."lotId" IN (${Prisma.join(lotIds)})` : null,
  ].filter((c): c is Prisma.Sql => c !== null);
  return Prisma.sql`
    SELECT sl."itemId", sl."lotId", l.code AS location, sl."onHand"::int AS "onHand", ${AVAILABLE}::int AS available
    FROM ${visibleLevels(actor, params, [Prisma.sql`(${Prisma.join(wanted, " OR ")})`, Prisma.sql`sl."onHand" > 0`])}
    ORDER BY sl."onHand" DESC, l.code`;
}
