-- Misspelled words one edit from a word of the names (a letter dropped, added or changed, or two neighbours
-- swapped: Damerau–Levenshtein distance 1), found by their deletions, the "symmetric delete" method of SymSpell:
-- a typed word and a known word one edit apart share a variant with at most one letter deleted from each. Trigram
-- similarity (the "SearchWord" index) misses these in short words, where one typo changes most trigrams
-- ("mlik"/"milk" share one of seven), and in swapped letters; the variants are found by B-tree equality instead.
--
-- One row per word (position 0, the word itself) and per letter of words of four letters or more (the word
-- without the letter at `position`, 1-based, and that letter): about eight rows per word. Derived from
-- "SearchWord" and refreshed after it (lib/search/refresh-search-words.ts). Hand-written: Prisma does not model
-- materialized views, and its drift check leaves them alone.
CREATE MATERIALIZED VIEW "SearchWordVariant" AS
  SELECT w.word AS variant, w.word, 0 AS position, '' AS letter FROM "SearchWord" w
  UNION ALL
  SELECT left(w.word, k - 1) || substr(w.word, k + 1), w.word, k, substr(w.word, k, 1)
  FROM "SearchWord" w, generate_series(1, length(w.word)) AS k
  WHERE length(w.word) >= 4;
CREATE UNIQUE INDEX "SearchWordVariant_word_position_key" ON "SearchWordVariant" (word, position); -- for REFRESH … CONCURRENTLY
CREATE INDEX "SearchWordVariant_variant_idx" ON "SearchWordVariant" (variant);
