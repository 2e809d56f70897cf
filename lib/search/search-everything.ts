import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import { searchQuery, type SearchHit, type SearchQuery } from "./schemas";
import { misspelledStatement, misspellingSettingsStatement } from "./misspelled-statement";
import { codesAndWordsStatement, SCORE, stockStatement } from "./search-statements";
import { searchTerms } from "./search-terms";

type Row = {
  type: SearchHit["type"];
  itemId: string | null;
  lotId: string | null;
  sku: string | null;
  name: string | null;
  code: string | null;
  site: string | null;
  location: string | null;
  expiresOn: string | null;
  score: number;
};

/**
 * Thresholds of the misspelling stage: the trigram similarity from which a word of the names' vocabulary counts as
 * a correction of a typed word (pg_trgm.similarity_threshold, default 0.3), and the share of the whole query's
 * trigrams a name must hold in the fallback (pg_trgm.word_similarity_threshold, default 0.6, which misses queries
 * with a typo in every word). Measured with `npm run bench:search -- --tune` on 200,000 items, 300 names with one
 * or two typos in every word, statement alone (recall@5, p50/p95 ms): fallback only at 0.5 → 71%, 12/21; at 0.4 →
 * 95%, 20/60; at 0.3 → 99.7%, 46/146. Vocabulary at 0.3 (+ fallback 0.4) → 95%, 11/26; at 0.2 → 97%, 4/14; at
 * 0.2 with the fallback at 0.3 → 99.7%, 4/56 (the fallback runs for the few queries the vocabulary cannot mend).
 * Those figures predate the one-edit corrections (misspelled-statement.ts), which now mend most typed words before
 * trigrams are tried; with them, over 300 item words typed with four kinds of typo, trigram corrections at 0.2, at
 * 0.3 and off all found 100% (2026-12-04), so these thresholds were kept.
 */
export const MISSPELLING_THRESHOLDS = { similarity: 0.2, wordSimilarity: 0.3 };

const STOCK_PER_HIT = 10;

/**
 * One search box for everything: items (by SKU, barcode, supplier SKU, words of the name or description, or the
 * name misspelled), locations, lots and serials, best first. Exact codes score 1 (a supplier's SKU 0.95) and,
 * when there is one, answer alone; then prefixes 0.85–0.9, substrings of codes 0.65, name words 0.7–0.8,
 * description words 0.5–0.6, misspellings below 0.5 (SCORE). Clerks find only locations, lots and serials at
 * their sites; items are global but their `stock` lists only the sites the actor may see. At most three round
 * trips: codes and words; misspellings when those found little (in a transaction, to lower the trigram threshold
 * for it alone); the stock of the answer.
 */
export async function searchEverything(db: Db, actor: Actor, input: SearchQuery): Promise<SearchHit[]> {
  authorize(actor, "stock.view");
  const params = searchQuery.parse(input);
  const terms = searchTerms(params.q);
  let rows = await db.$queryRaw<Row[]>(codesAndWordsStatement(actor, params, terms));

  // Misspellings are looked for only when no code and no name matched: they would rank below those anyway.
  const isAnswered = rows.length >= params.limit || rows.some((r) => r.score >= SCORE.nameWords);
  if (!isAnswered && terms.fuzzyWords.length > 0) {
    const [, misspelled] = await db.$transaction([
      db.$queryRaw(misspellingSettingsStatement(MISSPELLING_THRESHOLDS)),
      db.$queryRaw<Row[]>(misspelledStatement(actor, params, terms)),
    ]);
    const found = new Set(rows.filter((r) => r.type === "item").map((r) => r.itemId));
    rows = [...rows, ...misspelled.filter((r) => !found.has(r.itemId))].slice(0, params.limit);
  }

  const itemIds = rows.filter((r) => r.type === "item").map((r) => r.itemId as string);
  const lotIds = rows.filter((r) => r.type === "lot").map((r) => r.lotId as string);
  const levels = itemIds.length + lotIds.length > 0 ? await db.$queryRaw<Level[]>(stockStatement(actor, params, itemIds, lotIds)) : [];
  return rows.map((row) => toHit(row, levels));
}

type Level = { itemId: string; lotId: string | null; location: string; onHand: number; available: number };

function toHit(row: Row, levels: Level[]): SearchHit {
  const hit: SearchHit = { type: row.type, score: Math.round(row.score * 1000) / 1000 };
  // The misspelling statement has no code columns: they come back undefined rather than null.
  if (row.sku != null) hit.sku = row.sku;
  if (row.name != null) hit.name = row.name;
  if (row.code != null) hit.code = row.code;
  if (row.type === "location" || row.type === "serial") hit.site = row.site ?? undefined;
  if (row.type === "serial") hit.location = row.location;
  if (row.type === "lot") hit.expiresOn = row.expiresOn;
  if (row.type === "item") hit.stock = sumByLocation(levels.filter((l) => l.itemId === row.itemId));
  if (row.type === "lot") hit.stock = sumByLocation(levels.filter((l) => l.lotId === row.lotId));
  return hit;
}

/** Levels of several lots in one bin are one line; largest first (the levels arrive sorted by quantity). */
function sumByLocation(levels: Level[]): { location: string; onHand: number; available: number }[] {
  const byLocation = new Map<string, { onHand: number; available: number }>();
  for (const level of levels) {
    const sum = byLocation.get(level.location) ?? { onHand: 0, available: 0 };
    byLocation.set(level.location, { onHand: sum.onHand + level.onHand, available: sum.available + level.available });
  }
  return [...byLocation]
    .map(([location, sum]) => ({ location, ...sum }))
    .sort((a, b) => b.onHand - a.onHand)
    .slice(0, STOCK_PER_HIT);
}
