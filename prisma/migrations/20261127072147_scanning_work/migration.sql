-- CreateEnum
CREATE TYPE "PickListStatus" AS ENUM ('open', 'done', 'cancelled');

-- CreateEnum
CREATE TYPE "CountSessionStatus" AS ENUM ('open', 'submitted', 'cancelled');

-- CreateTable
CREATE TABLE "PickList" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "status" "PickListStatus" NOT NULL DEFAULT 'open',
    "createdById" UUID,
    "createdByLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "PickList_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PickListLine" (
    "id" UUID NOT NULL,
    "pickListId" UUID NOT NULL,
    "lineNo" INTEGER NOT NULL,
    "itemId" UUID NOT NULL,
    "fromLocationId" UUID NOT NULL,
    "lotId" UUID,
    "quantity" INTEGER NOT NULL,
    "pickedQuantity" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PickListLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CountSession" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "locationId" UUID NOT NULL,
    "status" "CountSessionStatus" NOT NULL DEFAULT 'open',
    "startedById" UUID,
    "startedByLabel" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),
    "postingId" UUID,

    CONSTRAINT "CountSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CountScan" (
    "id" BIGSERIAL NOT NULL,
    "sessionId" UUID NOT NULL,
    "locationId" UUID NOT NULL,
    "itemId" UUID NOT NULL,
    "lotId" UUID,
    "serial" TEXT,
    "quantity" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CountScan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RfidReader" (
    "readerId" TEXT NOT NULL,
    "antenna" INTEGER NOT NULL DEFAULT 0,
    "locationId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RfidReader_pkey" PRIMARY KEY ("readerId","antenna")
);

-- CreateTable
CREATE TABLE "RfidSighting" (
    "epc" TEXT NOT NULL,
    "readerId" TEXT NOT NULL,
    "antenna" INTEGER NOT NULL,
    "locationId" UUID NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RfidSighting_pkey" PRIMARY KEY ("epc")
);

-- CreateIndex
CREATE INDEX "PickList_siteId_status_idx" ON "PickList"("siteId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "PickList_siteId_reference_key" ON "PickList"("siteId", "reference");

-- CreateIndex
CREATE INDEX "PickListLine_itemId_idx" ON "PickListLine"("itemId");

-- CreateIndex
CREATE UNIQUE INDEX "PickListLine_pickListId_lineNo_key" ON "PickListLine"("pickListId", "lineNo");

-- CreateIndex
CREATE INDEX "CountSession_siteId_status_idx" ON "CountSession"("siteId", "status");

-- CreateIndex
CREATE INDEX "CountSession_locationId_status_idx" ON "CountSession"("locationId", "status");

-- CreateIndex
CREATE INDEX "CountScan_sessionId_idx" ON "CountScan"("sessionId");

-- AddForeignKey
ALTER TABLE "PickList" ADD CONSTRAINT "PickList_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PickList" ADD CONSTRAINT "PickList_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PickListLine" ADD CONSTRAINT "PickListLine_pickListId_fkey" FOREIGN KEY ("pickListId") REFERENCES "PickList"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PickListLine" ADD CONSTRAINT "PickListLine_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PickListLine" ADD CONSTRAINT "PickListLine_fromLocationId_fkey" FOREIGN KEY ("fromLocationId") REFERENCES "Location"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PickListLine" ADD CONSTRAINT "PickListLine_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "Lot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CountSession" ADD CONSTRAINT "CountSession_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CountSession" ADD CONSTRAINT "CountSession_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CountSession" ADD CONSTRAINT "CountSession_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CountScan" ADD CONSTRAINT "CountScan_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CountSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CountScan" ADD CONSTRAINT "CountScan_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CountScan" ADD CONSTRAINT "CountScan_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CountScan" ADD CONSTRAINT "CountScan_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "Lot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RfidReader" ADD CONSTRAINT "RfidReader_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Written by hand: what Prisma's schema cannot express.
ALTER TABLE "PickListLine" ADD CONSTRAINT "PickListLine_quantities_check"
  CHECK ("quantity" > 0 AND "pickedQuantity" >= 0 AND "pickedQuantity" <= "quantity");
ALTER TABLE "CountScan" ADD CONSTRAINT "CountScan_quantity_check" CHECK ("quantity" > 0);
ALTER TABLE "RfidReader" ADD CONSTRAINT "RfidReader_antenna_check" CHECK ("antenna" >= 0);
-- A serial is counted once per session however many times it is scanned or read.
CREATE UNIQUE INDEX "CountScan_sessionId_serial_key" ON "CountScan"("sessionId", "itemId", "serial") WHERE "serial" IS NOT NULL;
-- At most one open count per location, so two clerks do not count the same bin against each other.
CREATE UNIQUE INDEX "CountSession_open_location_key" ON "CountSession"("locationId") WHERE "status" = 'open';
-- Moves made because an RFID reader saw a tag there.
INSERT INTO "ReasonCode" ("code", "label", "builtIn", "active") VALUES ('rfid', 'RFID read', true, true) ON CONFLICT ("code") DO NOTHING;
