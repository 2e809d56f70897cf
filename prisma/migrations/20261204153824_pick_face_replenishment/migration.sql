-- CreateEnum
CREATE TYPE "ReplenishmentStatus" AS ENUM ('open', 'done', 'cancelled');

-- AlterTable
ALTER TABLE "Location" ADD COLUMN     "refillLevel" INTEGER;

-- CreateTable
CREATE TABLE "ReplenishmentTask" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "itemId" UUID NOT NULL,
    "lotId" UUID,
    "fromLocationId" UUID NOT NULL,
    "toLocationId" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,
    "status" "ReplenishmentStatus" NOT NULL DEFAULT 'open',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "doneAt" TIMESTAMP(3),
    "doneByLabel" TEXT,
    "postingId" UUID,

    CONSTRAINT "ReplenishmentTask_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReplenishmentTask_siteId_status_idx" ON "ReplenishmentTask"("siteId", "status");

-- AddForeignKey
ALTER TABLE "ReplenishmentTask" ADD CONSTRAINT "ReplenishmentTask_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReplenishmentTask" ADD CONSTRAINT "ReplenishmentTask_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReplenishmentTask" ADD CONSTRAINT "ReplenishmentTask_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "Lot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReplenishmentTask" ADD CONSTRAINT "ReplenishmentTask_fromLocationId_fkey" FOREIGN KEY ("fromLocationId") REFERENCES "Location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReplenishmentTask" ADD CONSTRAINT "ReplenishmentTask_toLocationId_fkey" FOREIGN KEY ("toLocationId") REFERENCES "Location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- What Prisma cannot express.
CREATE UNIQUE INDEX "ReplenishmentTask_open_key" ON "ReplenishmentTask"("itemId", "toLocationId") WHERE status = 'open';
ALTER TABLE "ReplenishmentTask" ADD CONSTRAINT "ReplenishmentTask_quantity_positive" CHECK (quantity > 0);
ALTER TABLE "Location" ADD CONSTRAINT "Location_refill_below_capacity" CHECK (
  "refillLevel" IS NULL OR ("refillLevel" >= 0 AND "capacityUnits" IS NOT NULL AND "refillLevel" < "capacityUnits"));
