-- CreateEnum
CREATE TYPE "AlertKind" AS ENUM ('low_stock', 'stockout', 'overstock', 'expiring', 'expired', 'count_overdue', 'quarantine_aged', 'bin_over_capacity');

-- CreateEnum
CREATE TYPE "AlertState" AS ENUM ('open', 'acknowledged', 'resolved');

-- CreateTable
CREATE TABLE "StockThreshold" (
    "id" UUID NOT NULL,
    "itemId" UUID NOT NULL,
    "siteId" UUID,
    "minQty" INTEGER,
    "maxQty" INTEGER,
    "reorderPoint" INTEGER,
    "reorderQuantity" INTEGER,
    "safetyStock" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT NOT NULL,

    CONSTRAINT "StockThreshold_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" UUID NOT NULL,
    "kind" "AlertKind" NOT NULL,
    "state" "AlertState" NOT NULL DEFAULT 'open',
    "conditionKey" TEXT NOT NULL,
    "siteId" UUID NOT NULL,
    "itemId" UUID,
    "locationId" UUID,
    "lotId" UUID,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "raisedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledgedAt" TIMESTAMP(3),
    "acknowledgedById" UUID,
    "acknowledgeNote" TEXT,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StockThreshold_siteId_idx" ON "StockThreshold"("siteId");

-- CreateIndex
CREATE UNIQUE INDEX "StockThreshold_itemId_siteId_key" ON "StockThreshold"("itemId", "siteId");

-- CreateIndex
CREATE INDEX "Alert_state_siteId_kind_idx" ON "Alert"("state", "siteId", "kind");

-- CreateIndex
CREATE INDEX "Alert_itemId_idx" ON "Alert"("itemId");

-- AddForeignKey
ALTER TABLE "StockThreshold" ADD CONSTRAINT "StockThreshold_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StockThreshold" ADD CONSTRAINT "StockThreshold_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "Lot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_acknowledgedById_fkey" FOREIGN KEY ("acknowledgedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- What Prisma cannot express.
-- One item-wide default per item (the composite unique above treats NULL sites as distinct).
CREATE UNIQUE INDEX "StockThreshold_item_default_key" ON "StockThreshold"("itemId") WHERE "siteId" IS NULL;
ALTER TABLE "StockThreshold"
  ADD CONSTRAINT "StockThreshold_quantities_not_negative" CHECK (
    coalesce("minQty", 0) >= 0 AND coalesce("maxQty", 0) >= 0 AND coalesce("reorderPoint", 0) >= 0
    AND coalesce("reorderQuantity", 0) >= 0 AND coalesce("safetyStock", 0) >= 0),
  ADD CONSTRAINT "StockThreshold_min_not_above_max" CHECK ("minQty" IS NULL OR "maxQty" IS NULL OR "minQty" <= "maxQty");
-- One open (or acknowledged) alert per condition, however many movements cross the line at once.
CREATE UNIQUE INDEX "Alert_open_condition_key" ON "Alert"("conditionKey") WHERE "state" <> 'resolved';
-- The thresholds in force at each site: a site's own value where it has one, else the item-wide default's. One
-- rule for every reader (alerts, suggestions, screens); only pairs with some threshold appear.
CREATE VIEW "StockThresholdInForce" AS
SELECT i.id AS "itemId", s.id AS "siteId",
       coalesce(own."minQty", fallback."minQty") AS "minQty",
       coalesce(own."maxQty", fallback."maxQty") AS "maxQty",
       coalesce(own."reorderPoint", fallback."reorderPoint") AS "reorderPoint",
       coalesce(own."reorderQuantity", fallback."reorderQuantity") AS "reorderQuantity",
       coalesce(own."safetyStock", fallback."safetyStock") AS "safetyStock"
FROM "Item" i
CROSS JOIN "Site" s
LEFT JOIN "StockThreshold" own ON own."itemId" = i.id AND own."siteId" = s.id
LEFT JOIN "StockThreshold" fallback ON fallback."itemId" = i.id AND fallback."siteId" IS NULL
WHERE own.id IS NOT NULL OR fallback.id IS NOT NULL;
