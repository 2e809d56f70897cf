-- AlterTable
ALTER TABLE "StockThreshold" ADD COLUMN     "reorderPointSource" TEXT;

-- CreateTable
CREATE TABLE "ReorderPointRun" (
    "id" UUID NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "filter" JSONB NOT NULL DEFAULT '{}',
    "requestedBy" TEXT NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "applied" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "heartbeatAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ReorderPointRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReorderPointRun_createdAt_idx" ON "ReorderPointRun"("createdAt");

-- What Prisma cannot express.
-- One run queued or running at a time: a second start answers the run under way instead of starting another.
CREATE UNIQUE INDEX "ReorderPointRun_one_active_key" ON "ReorderPointRun" ((true)) WHERE status IN ('queued', 'running');
ALTER TABLE "StockThreshold"
  ADD CONSTRAINT "StockThreshold_reorder_point_source_known" CHECK ("reorderPointSource" IN ('manual', 'forecast'));

-- The reorder point kept until now in an item's free attributes moves into its item-wide default threshold, where
-- it is a whole JSON number, 0 or more (what the items table read as one), then leaves the attributes. Anything
-- else under the key (a word, a negative or fractional number) stays in the attributes: nothing is lost.
CREATE TEMPORARY TABLE "reorder_point_attribute" AS
SELECT i.id AS "itemId", (i.attributes ->> 'reorderPoint')::numeric AS value
FROM "Item" i WHERE jsonb_typeof(i.attributes -> 'reorderPoint') = 'number';
DELETE FROM "reorder_point_attribute" WHERE value < 0 OR value <> trunc(value) OR value > 2147483647;

INSERT INTO "StockThreshold" ("id", "itemId", "siteId", "reorderPoint", "reorderPointSource", "updatedAt", "updatedBy")
SELECT gen_random_uuid(), a."itemId", NULL, a.value::integer, 'manual', now(), 'migration'
FROM "reorder_point_attribute" a
ON CONFLICT ("itemId") WHERE "siteId" IS NULL DO UPDATE
  SET "reorderPoint" = coalesce("StockThreshold"."reorderPoint", EXCLUDED."reorderPoint"),
      "reorderPointSource" = coalesce("StockThreshold"."reorderPointSource", EXCLUDED."reorderPointSource");

UPDATE "Item" i SET attributes = i.attributes - 'reorderPoint' FROM "reorder_point_attribute" a WHERE a."itemId" = i.id;
DROP TABLE "reorder_point_attribute";
