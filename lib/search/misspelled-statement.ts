import type { Actor } from "../auth/actor";
import { Prisma } from "../db/generated/client";
import type { SearchParams } from "./schemas";
import { DOCUMENT, itemConditions, SCORE } from "./search-statements";
import type { SearchTerms } from "./search-terms";

/** At most this many items are ranked by the misspelling stage. */
const CANDIDATES = 500;

/**
 * Items whose name holds the words give or take typos, in one statement:
 *   1. each typed word of three or more characters with a letter is corrected against the vocabulary of names
 *      ("SearchWord": trigram similarity at least pg_trgm.similarity_threshold, through its index; the three most
 *      similar words); shorter words and sizes ("m8", "18v") stay as typed;
 *   2. items whose name holds, for every typed word, one of its corrections (the document index; at most
 *      CANDIDATES of them, so a vague query cannot make it slow);
 *   3. only when that finds nothing: items whose name holds the whole query give or take typos (word similarity
 *      at least pg_trgm.word_similarity_threshold, through the trigram index on lower(name)), for words the
 *      vocabulary does not know yet.
 * Ranked by the mean of the whole query's word similarity to the name and each word's own best one, so one
 * long word cannot carry a query. The caller sets both thresholds with SET LOCAL in the same transaction.
 */
export function misspelledStatement(actor: Actor, params: SearchParams, terms: SearchTerms): Prisma.Sql {
  const words = terms.fuzzyWords.length > 0 ? terms.fuzzyWords : [terms.lower];
  const items = itemConditions(actor, params);
  const score = Prisma.sql`${SCORE.misspelled}::float8 * (
      0.5 * word_similarity(${terms.lower}, lower(i.name))
      + 0.5 * (SELECT avg(word_similarity(w, lower(i.name))) FROM unnest(${words}::text[]) w))::float8`;
  return Prisma.sql`
    WITH typed AS (
      SELECT t AS word FROM unnest(tsvector_to_array(to_tsvector('simple', ${terms.text}))) t
    ), corrections AS (
      SELECT typed.word AS typed, c.word FROM typed CROSS JOIN LATERAL (
        SELECT v.word FROM "SearchWord" v WHERE v.word % typed.word ORDER BY similarity(v.word, typed.word) DESC, v.ndoc DESC LIMIT 5
      ) c
      WHERE length(typed.word) >= 3 AND typed.word ~ '[[:alpha:]]'
      UNION ALL
      SELECT word, word FROM typed WHERE NOT (length(word) >= 3 AND word ~ '[[:alpha:]]')
    ), wanted AS (
      SELECT to_tsquery('simple', string_agg(alternatives, ' & ')) AS query
      FROM (SELECT '(' || string_agg(quote_literal(word) || ':A', ' | ') || ')' AS alternatives FROM corrections GROUP BY typed) a
      HAVING count(*) = (SELECT count(*) FROM typed)
    ), corrected AS MATERIALIZED (
      SELECT i.id FROM "Item" i, wanted WHERE ${DOCUMENT} @@ wanted.query AND ${items} LIMIT ${CANDIDATES}
    ), resembling AS MATERIALIZED (
      SELECT i.id FROM "Item" i
      WHERE NOT EXISTS (SELECT 1 FROM corrected) AND ${terms.lower} <% lower(i.name) AND ${items}
    )
    SELECT 'item' AS type, i.id AS "itemId", NULL::uuid AS "lotId", i.sku, i.name, ${score} AS score
    FROM (SELECT id FROM corrected UNION ALL SELECT id FROM resembling) c JOIN "Item" i ON i.id = c.id
    ORDER BY score DESC, i."skuKey"
    LIMIT ${params.limit}`;
}
