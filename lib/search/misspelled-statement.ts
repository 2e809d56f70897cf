/**
 * The misspelling stage of searchEverything: items whose name holds the typed words give or take typos, for a
 * query whose words matched nothing as typed. Its indexes: "SearchWord" and "SearchWordVariant" (the vocabulary of
 * names and its one-letter deletions, prisma/migrations/20261127080000_search and 20261204000500_search_word_variants),
 * "Item_document_idx" and "Item_name_trgm_idx".
 */
import type { Actor } from "../auth/actor";
import { Prisma } from "../db/generated/client";
import type { SearchParams } from "./schemas";
import { DOCUMENT, itemConditions, SCORE } from "./search-statements";
import type { SearchTerms } from "./search-terms";

/** At most this many items are ranked, per round of corrections. */
const CANDIDATES = 500;
/** Corrections kept per typed word, the closest first. */
const CORRECTIONS_PER_WORD = 6;
/** A correction this close to its word's best one is tried in the first round. */
const NEAR_BEST = 0.1;

/**
 * The settings of misspelledStatement, for its transaction alone (set_config(…, true) is SET LOCAL), in one round
 * trip: the trigram thresholds its operators read, and no JIT compilation. Its estimated cost (a subplan per
 * candidate, over a guessed thousand candidates) passes jit_above_cost: on 200,000 items EXPLAIN ANALYZE spent
 * 2.7 s of 2.9 compiling a statement that ran in 29 ms without.
 */
export function misspellingSettingsStatement(thresholds: { similarity: number; wordSimilarity: number }): Prisma.Sql {
  return Prisma.sql`SELECT set_config('pg_trgm.similarity_threshold', ${String(thresholds.similarity)}, true),
    set_config('pg_trgm.word_similarity_threshold', ${String(thresholds.wordSimilarity)}, true), set_config('jit', 'off', true)`;
}

/**
 * The common table expressions `typed` (the query's words, and whether each may be misspelled: three characters
 * or more with a letter) and `corrections` (typed, word, closeness in [0, 1], best closeness of that typed word):
 *   - words one edit away, by a variant they share with the typed word ("SearchWordVariant": the word itself or
 *     the word without one letter): a letter dropped, added or changed, or two neighbours swapped. Closeness
 *     1 − edits ÷ length, so one edit costs a short word more than a long one;
 *   - for a typed word with no word one edit away, the five most similar by trigrams (similarity at least
 *     pg_trgm.similarity_threshold): typos the deletions cannot mend, such as two in one long word. Not for the
 *     others: on a vocabulary of 178,000 words that trigram look-up was most of the statement's time;
 * the closest CORRECTIONS_PER_WORD of them. Words that may not be misspelled ("m8", "18v", "ab") correct to
 * themselves.
 */
function correctionsOf(terms: SearchTerms): Prisma.Sql {
  return Prisma.sql`typed AS (
      SELECT t AS word, length(t) >= 3 AND t ~ '[[:alpha:]]' AS "isFuzzy" FROM unnest(tsvector_to_array(to_tsvector('simple', ${terms.text}))) t
    ), typed_variant AS (
      SELECT word AS typed, word AS variant, 0 AS position, '' AS letter FROM typed WHERE "isFuzzy"
      UNION ALL
      SELECT word, left(word, k - 1) || substr(word, k + 1), k, substr(word, k, 1)
      FROM typed, generate_series(1, length(word)) AS k WHERE "isFuzzy" AND length(word) >= 4
    ), one_edit AS (
      -- A shared variant with the same letter position deleted from both (a changed letter), from neither (the
      -- word itself), from one (a dropped or added letter), or neighbouring positions holding the same letter (a
      -- swapped pair) is one edit; any other pair of deletions is two.
      SELECT t.typed, v.word, min(CASE
          WHEN t.position = 0 AND v.position = 0 THEN 0
          WHEN t.position = 0 OR v.position = 0 OR t.position = v.position THEN 1
          WHEN abs(t.position - v.position) = 1 AND t.letter = v.letter THEN 1
          ELSE 2 END) AS edits
      FROM typed_variant t JOIN "SearchWordVariant" v ON v.variant = t.variant
      GROUP BY t.typed, v.word
    ), candidates AS (
      SELECT typed, word, 1 - edits::float8 / greatest(length(typed), length(word)) AS closeness FROM one_edit
      UNION ALL
      SELECT typed.word, s.word, similarity(s.word, typed.word) FROM typed CROSS JOIN LATERAL (
        SELECT v.word FROM "SearchWord" v WHERE v.word % typed.word ORDER BY similarity(v.word, typed.word) DESC, v.ndoc DESC LIMIT 5
      ) s WHERE typed."isFuzzy" AND NOT EXISTS (SELECT 1 FROM one_edit o WHERE o.typed = typed.word AND o.edits <= 1)
    ), corrections AS (
      SELECT typed, word, closeness, max(closeness) OVER (PARTITION BY typed) AS best FROM (
        SELECT typed, word, max(closeness) AS closeness, row_number() OVER (PARTITION BY typed ORDER BY max(closeness) DESC, word) AS rank
        FROM candidates GROUP BY typed, word
      ) ranked WHERE rank <= ${CORRECTIONS_PER_WORD}
      UNION ALL
      SELECT word, word, 1, 1 FROM typed WHERE NOT "isFuzzy"
    )`;
}

/**
 * Items whose name holds the typed words give or take typos, in one statement:
 *   1. each typed word gets its corrections (correctionsOf);
 *   2. items whose name holds, for every typed word, one of its corrections (the document index): first only the
 *      corrections within NEAR_BEST of each word's best, then all of them when that finds fewer than asked for;
 *      at most CANDIDATES items each round, so a vague query cannot make it slow;
 *   3. only when that finds nothing: items whose name holds the whole query give or take typos (word similarity
 *      at least pg_trgm.word_similarity_threshold, through the trigram index on lower(name)), for words the
 *      vocabulary does not know yet.
 * Ranked by how well the name fits each typed word (the closeness of the correction it holds, or the typed word's
 * own word similarity to the name), so a name cannot win by one word standing in for two typed ones ("Brass" for
 * both "brday" and "brass"); the whole query's word similarity breaks ties. Run it after
 * misspellingSettingsStatement, in the same transaction.
 */
export function misspelledStatement(actor: Actor, params: SearchParams, terms: SearchTerms): Prisma.Sql {
  const items = itemConditions(actor, params);
  const nameWords = Prisma.sql`tsvector_to_array(to_tsvector('simple', i.name))`;
  const fit = Prisma.sql`(SELECT avg(greatest(word_similarity(t.word, lower(i.name)),
      (SELECT max(c.closeness) FROM corrections c WHERE c.typed = t.word AND c.word = ANY (${nameWords})))) FROM typed t)`;
  const score = Prisma.sql`${SCORE.misspelled}::float8 * (0.8 * ${fit} + 0.2 * word_similarity(${terms.lower}, lower(i.name)))::float8`;
  return Prisma.sql`
    WITH ${correctionsOf(terms)}, wanted AS (
      SELECT to_tsquery('simple', string_agg(near_best, ' & ')) AS near_best, to_tsquery('simple', string_agg(every, ' & ')) AS every
      FROM (
        SELECT '(' || string_agg(quote_literal(word) || ':A', ' | ') FILTER (WHERE closeness >= best - ${NEAR_BEST}) || ')' AS near_best,
          '(' || string_agg(quote_literal(word) || ':A', ' | ') || ')' AS every
        FROM corrections GROUP BY typed
      ) a
      HAVING count(*) = (SELECT count(*) FROM typed)
    ), corrected_first AS MATERIALIZED (
      SELECT i.id FROM "Item" i, wanted WHERE ${DOCUMENT} @@ wanted.near_best AND ${items} LIMIT ${CANDIDATES}
    ), corrected_then AS MATERIALIZED (
      SELECT i.id FROM "Item" i, wanted
      WHERE (SELECT count(*) FROM corrected_first) < ${params.limit} AND ${DOCUMENT} @@ wanted.every AND ${items}
        AND i.id NOT IN (SELECT id FROM corrected_first)
      LIMIT ${CANDIDATES}
    ), resembling AS MATERIALIZED (
      SELECT i.id FROM "Item" i
      WHERE NOT EXISTS (SELECT 1 FROM corrected_first UNION ALL SELECT 1 FROM corrected_then)
        AND ${terms.lower} <% lower(i.name) AND ${items}
    )
    -- = ANY (ARRAY(…)): the candidates are read by primary key whatever their guessed number. As a join it was
    -- planned as a hash join over every item (0.9 s on 200,000) when the fallback's estimate came to 10,000 rows.
    SELECT 'item' AS type, i.id AS "itemId", NULL::uuid AS "lotId", i.sku, i.name, ${score} AS score
    FROM "Item" i
    WHERE i.id = ANY (ARRAY(SELECT id FROM corrected_first UNION ALL SELECT id FROM corrected_then UNION ALL SELECT id FROM resembling))
    ORDER BY score DESC, i."skuKey"
    LIMIT ${params.limit}`;
}
