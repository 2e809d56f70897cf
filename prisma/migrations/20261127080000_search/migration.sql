-- Search (lib/search): trigram indexes for typo-tolerant and substring look-ups of every code a person types or
-- scans, and a weighted full-text index on item names and descriptions. Hand-written: Prisma cannot express
-- expression or operator-class indexes, and schema.prisma does not list these (they are not drift: the diff
-- ignores expression indexes).
--
-- pg_trgm ships with PostgreSQL's contrib and with PGlite (loaded in lib/db/embedded-postgres.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Codes, all lower-cased (a person types "ab-12" for "AB-12"): the GIN trigram index answers =, LIKE 'abc%',
-- LIKE '%abc%' and the similarity operators. Every index here is on an expression: Prisma's drift check ignores
-- expression indexes, while an operator-class index on a bare column would read as drift from schema.prisma.
-- lower(sku) is what skuKey holds; exact SKU hits still use the skuKey unique index.
CREATE INDEX "Item_sku_trgm_idx" ON "Item" USING gin (lower(sku) gin_trgm_ops);
CREATE INDEX "Barcode_code_trgm_idx" ON "Barcode" USING gin (lower(code) gin_trgm_ops);
CREATE INDEX "ItemSupplier_supplierSku_trgm_idx" ON "ItemSupplier" USING gin (lower("supplierSku") gin_trgm_ops);
CREATE INDEX "Lot_number_trgm_idx" ON "Lot" USING gin (lower(number) gin_trgm_ops);
CREATE INDEX "Serial_serial_trgm_idx" ON "Serial" USING gin (lower(serial) gin_trgm_ops);
CREATE INDEX "Location_code_trgm_idx" ON "Location" USING gin (lower(code) gin_trgm_ops);

-- Names: trigram index for misspelled words (word_similarity through the <% operator).
CREATE INDEX "Item_name_trgm_idx" ON "Item" USING gin (lower(name) gin_trgm_ops);

-- Words: name weighted A, description B, with the 'simple' configuration (no stemming, no stop words): product
-- names are brands, part words and sizes ("M8", "18V"), not English prose. The expression must match the one in
-- lib/search/search-statements.ts character for character for the planner to use this index.
CREATE INDEX "Item_document_idx" ON "Item" USING gin (
  (setweight(to_tsvector('simple'::regconfig, name), 'A') || setweight(to_tsvector('simple'::regconfig, coalesce(description, '')), 'B'))
);

-- The vocabulary of item names, for correcting misspelled words: a typed word is compared (trigram similarity,
-- through the index below) with a few thousand distinct words instead of every name, and the corrections are then
-- looked up in "Item_document_idx". The approach pg_trgm's documentation suggests (F.35.5, "Text Search
-- Integration"). A materialized view, not a table: it is derived data, and Prisma's drift check leaves views
-- alone. lib/search/refresh-search-words.ts refreshes it; until then, words new since the last refresh are found
-- exactly but not corrected (searchEverything then falls back to comparing the whole query with every name).
-- (Not ts_stat('SELECT … FROM "Item"'): PostgreSQL 17, which PGlite is, refreshes views with a search_path of
-- pg_catalog only, where a query in a string would not find "Item".)
CREATE MATERIALIZED VIEW "SearchWord" AS
  SELECT w.word, count(*)::int AS ndoc
  FROM "Item" i, unnest(tsvector_to_array(to_tsvector('simple'::regconfig, i.name))) AS w(word)
  GROUP BY w.word;
CREATE UNIQUE INDEX "SearchWord_word_key" ON "SearchWord" (word); -- lets REFRESH … CONCURRENTLY not block searches
CREATE INDEX "SearchWord_word_trgm_idx" ON "SearchWord" USING gin (word gin_trgm_ops);
