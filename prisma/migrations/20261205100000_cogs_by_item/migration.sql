-- The cost of goods sold by item × site in time order, with what ABC × XYZ sums, so that the report reads its weeks
-- in the order it groups them: from the index alone, no sort of the period's sales (docs/BENCHMARKS.md, issue 16).
-- Partial: only sales and customer returns pay for the entry. Prisma's schema does not describe partial indexes;
-- schema.prisma says where it is.
CREATE INDEX "MovementValue_cogs_idx" ON "MovementValue" ("siteId", "itemId", "occurredAt") INCLUDE (quantity, value) WHERE category = 'cogs';
