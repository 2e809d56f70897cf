-- CreateEnum
CREATE TYPE "TransferStatus" AS ENUM ('draft', 'approved', 'shipped', 'receiving', 'closed', 'cancelled');

-- CreateTable
CREATE TABLE "SiteMap" (
    "siteId" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "width" DOUBLE PRECISION NOT NULL,
    "height" DOUBLE PRECISION NOT NULL,
    "unit" TEXT NOT NULL DEFAULT 'm',
    "shapes" JSONB NOT NULL DEFAULT '[]',
    "updatedById" UUID,
    "updatedByLabel" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SiteMap_pkey" PRIMARY KEY ("siteId")
);

-- CreateTable
CREATE TABLE "SiteMapVersion" (
    "siteId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "width" DOUBLE PRECISION NOT NULL,
    "height" DOUBLE PRECISION NOT NULL,
    "unit" TEXT NOT NULL,
    "shapes" JSONB NOT NULL,
    "savedById" UUID,
    "savedByLabel" TEXT NOT NULL,
    "savedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT,

    CONSTRAINT "SiteMapVersion_pkey" PRIMARY KEY ("siteId","version")
);

-- CreateTable
CREATE TABLE "TransferOrder" (
    "id" UUID NOT NULL,
    "fromSiteId" UUID NOT NULL,
    "toSiteId" UUID NOT NULL,
    "status" "TransferStatus" NOT NULL DEFAULT 'draft',
    "reference" TEXT,
    "value" DECIMAL(18,4),
    "currency" TEXT,
    "createdById" UUID,
    "createdByLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TransferOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TransferLine" (
    "id" UUID NOT NULL,
    "transferId" UUID NOT NULL,
    "lineNo" INTEGER NOT NULL,
    "itemId" UUID NOT NULL,
    "lotId" UUID,
    "serials" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "quantity" INTEGER NOT NULL,
    "shippedQuantity" INTEGER NOT NULL DEFAULT 0,
    "receivedQuantity" INTEGER NOT NULL DEFAULT 0,
    "damagedQuantity" INTEGER NOT NULL DEFAULT 0,
    "shortQuantity" INTEGER NOT NULL DEFAULT 0,
    "overQuantity" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TransferLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TransferStep" (
    "id" BIGSERIAL NOT NULL,
    "transferId" UUID NOT NULL,
    "step" TEXT NOT NULL,
    "postingId" UUID,
    "actorLabel" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "detail" JSONB,

    CONSTRAINT "TransferStep_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TransferOrder_fromSiteId_status_idx" ON "TransferOrder"("fromSiteId", "status");

-- CreateIndex
CREATE INDEX "TransferOrder_toSiteId_status_idx" ON "TransferOrder"("toSiteId", "status");

-- CreateIndex
CREATE INDEX "TransferLine_itemId_idx" ON "TransferLine"("itemId");

-- CreateIndex
CREATE UNIQUE INDEX "TransferLine_transferId_lineNo_key" ON "TransferLine"("transferId", "lineNo");

-- CreateIndex
CREATE INDEX "TransferStep_transferId_id_idx" ON "TransferStep"("transferId", "id");

-- AddForeignKey
ALTER TABLE "SiteMap" ADD CONSTRAINT "SiteMap_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SiteMapVersion" ADD CONSTRAINT "SiteMapVersion_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "SiteMap"("siteId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TransferOrder" ADD CONSTRAINT "TransferOrder_fromSiteId_fkey" FOREIGN KEY ("fromSiteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TransferOrder" ADD CONSTRAINT "TransferOrder_toSiteId_fkey" FOREIGN KEY ("toSiteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TransferOrder" ADD CONSTRAINT "TransferOrder_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TransferLine" ADD CONSTRAINT "TransferLine_transferId_fkey" FOREIGN KEY ("transferId") REFERENCES "TransferOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TransferLine" ADD CONSTRAINT "TransferLine_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TransferLine" ADD CONSTRAINT "TransferLine_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "Lot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TransferStep" ADD CONSTRAINT "TransferStep_transferId_fkey" FOREIGN KEY ("transferId") REFERENCES "TransferOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand: what Prisma's schema cannot express.
ALTER TABLE "SiteMap" ADD CONSTRAINT "SiteMap_size_check" CHECK ("width" > 0 AND "height" > 0 AND "version" >= 1);
ALTER TABLE "TransferOrder" ADD CONSTRAINT "TransferOrder_sites_check" CHECK ("fromSiteId" <> "toSiteId");
ALTER TABLE "TransferLine" ADD CONSTRAINT "TransferLine_quantities_check" CHECK (
  "quantity" > 0 AND "shippedQuantity" >= 0 AND "receivedQuantity" >= 0 AND "damagedQuantity" >= 0
  AND "shortQuantity" >= 0 AND "overQuantity" >= 0 AND "shippedQuantity" <= "quantity");
-- Map history is a record: versions are added, never changed.
CREATE TRIGGER "SiteMapVersion_append_only" BEFORE UPDATE ON "SiteMapVersion"
  FOR EACH ROW EXECUTE FUNCTION stockroom_refuse_change();
