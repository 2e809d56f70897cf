-- Orders are numbered SO-000001, SO-000002, ... from one sequence (gaps after a rolled-back order are fine).
CREATE SEQUENCE "sales_order_number_seq";

-- CreateEnum
CREATE TYPE "LocationPurpose" AS ENUM ('storage', 'staging', 'quarantine');

-- CreateEnum
CREATE TYPE "ReservationStatus" AS ENUM ('active', 'released', 'expired', 'fulfilled');

-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('backordered', 'allocated', 'picking', 'picked', 'packed', 'shipped', 'cancelled');

-- AlterTable
ALTER TABLE "Location" ADD COLUMN     "purpose" "LocationPurpose" NOT NULL DEFAULT 'storage';

-- AlterTable
ALTER TABLE "PickList" ADD COLUMN     "orderId" UUID;

-- CreateTable
CREATE TABLE "Reservation" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "itemId" UUID NOT NULL,
    "lotId" UUID,
    "requestedQuantity" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "held" INTEGER NOT NULL,
    "fulfilled" INTEGER NOT NULL DEFAULT 0,
    "status" "ReservationStatus" NOT NULL DEFAULT 'active',
    "reference" TEXT NOT NULL,
    "channel" TEXT,
    "expiresAt" TIMESTAMP(3),
    "orderLineId" UUID,
    "createdByLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "Reservation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReservationAllocation" (
    "id" UUID NOT NULL,
    "reservationId" UUID NOT NULL,
    "locationId" UUID NOT NULL,
    "lotId" UUID,
    "quantity" INTEGER NOT NULL,

    CONSTRAINT "ReservationAllocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SalesOrder" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL DEFAULT ('SO-'::text || lpad((nextval('sales_order_number_seq'::regclass))::text, 6, '0'::text)),
    "reference" TEXT NOT NULL,
    "channel" TEXT NOT NULL DEFAULT 'direct',
    "customerName" TEXT NOT NULL,
    "customerEmail" TEXT,
    "customerAddress" TEXT,
    "siteId" UUID,
    "siteRequested" BOOLEAN NOT NULL DEFAULT false,
    "allowSplit" BOOLEAN NOT NULL DEFAULT false,
    "promisedShipDate" DATE,
    "status" "OrderStatus" NOT NULL,
    "carrier" TEXT,
    "trackingNumber" TEXT,
    "shippedAt" TIMESTAMP(3),
    "createdByLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SalesOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SalesOrderLine" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "lineNo" INTEGER NOT NULL,
    "itemId" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,
    "picked" INTEGER NOT NULL DEFAULT 0,
    "packed" INTEGER NOT NULL DEFAULT 0,
    "shipped" INTEGER NOT NULL DEFAULT 0,
    "returned" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SalesOrderLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderHistory" (
    "id" BIGSERIAL NOT NULL,
    "orderId" UUID NOT NULL,
    "status" "OrderStatus" NOT NULL,
    "actorLabel" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT,

    CONSTRAINT "OrderHistory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderPackage" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "contents" JSONB NOT NULL DEFAULT '[]',
    "weightGrams" INTEGER,
    "lengthMm" INTEGER,
    "widthMm" INTEGER,
    "heightMm" INTEGER,
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrderPackage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderReturn" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "postingId" UUID NOT NULL,
    "lines" JSONB NOT NULL,
    "actorLabel" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrderReturn_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Reservation_status_expiresAt_idx" ON "Reservation"("status", "expiresAt");

-- CreateIndex
CREATE INDEX "Reservation_reference_idx" ON "Reservation"("reference");

-- CreateIndex
CREATE INDEX "Reservation_itemId_siteId_status_idx" ON "Reservation"("itemId", "siteId", "status");

-- CreateIndex
CREATE INDEX "Reservation_orderLineId_idx" ON "Reservation"("orderLineId");

-- CreateIndex
CREATE INDEX "ReservationAllocation_reservationId_idx" ON "ReservationAllocation"("reservationId");

-- CreateIndex
CREATE INDEX "ReservationAllocation_locationId_idx" ON "ReservationAllocation"("locationId");

-- CreateIndex
CREATE UNIQUE INDEX "SalesOrder_number_key" ON "SalesOrder"("number");

-- CreateIndex
CREATE INDEX "SalesOrder_status_promisedShipDate_idx" ON "SalesOrder"("status", "promisedShipDate");

-- CreateIndex
CREATE INDEX "SalesOrder_siteId_status_idx" ON "SalesOrder"("siteId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "SalesOrder_channel_reference_key" ON "SalesOrder"("channel", "reference");

-- CreateIndex
CREATE INDEX "SalesOrderLine_itemId_idx" ON "SalesOrderLine"("itemId");

-- CreateIndex
CREATE UNIQUE INDEX "SalesOrderLine_orderId_lineNo_key" ON "SalesOrderLine"("orderId", "lineNo");

-- CreateIndex
CREATE INDEX "OrderHistory_orderId_id_idx" ON "OrderHistory"("orderId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "OrderPackage_orderId_number_key" ON "OrderPackage"("orderId", "number");

-- CreateIndex
CREATE INDEX "OrderReturn_orderId_idx" ON "OrderReturn"("orderId");

-- CreateIndex
CREATE INDEX "PickList_orderId_idx" ON "PickList"("orderId");

-- AddForeignKey
ALTER TABLE "PickList" ADD CONSTRAINT "PickList_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "SalesOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reservation" ADD CONSTRAINT "Reservation_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reservation" ADD CONSTRAINT "Reservation_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reservation" ADD CONSTRAINT "Reservation_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "Lot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reservation" ADD CONSTRAINT "Reservation_orderLineId_fkey" FOREIGN KEY ("orderLineId") REFERENCES "SalesOrderLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReservationAllocation" ADD CONSTRAINT "ReservationAllocation_reservationId_fkey" FOREIGN KEY ("reservationId") REFERENCES "Reservation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReservationAllocation" ADD CONSTRAINT "ReservationAllocation_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReservationAllocation" ADD CONSTRAINT "ReservationAllocation_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "Lot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SalesOrder" ADD CONSTRAINT "SalesOrder_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SalesOrderLine" ADD CONSTRAINT "SalesOrderLine_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "SalesOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SalesOrderLine" ADD CONSTRAINT "SalesOrderLine_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderHistory" ADD CONSTRAINT "OrderHistory_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "SalesOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderPackage" ADD CONSTRAINT "OrderPackage_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "SalesOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderReturn" ADD CONSTRAINT "OrderReturn_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "SalesOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ── By hand: what Prisma cannot express ──

ALTER TABLE "Reservation" ADD CONSTRAINT "Reservation_quantities" CHECK (
  "requestedQuantity" > 0 AND "quantity" >= 0 AND "quantity" <= "requestedQuantity" AND "held" >= 0
  AND "fulfilled" >= 0 AND "held" + "fulfilled" <= "quantity");
ALTER TABLE "ReservationAllocation" ADD CONSTRAINT "ReservationAllocation_quantity" CHECK ("quantity" >= 0);
ALTER TABLE "SalesOrderLine" ADD CONSTRAINT "SalesOrderLine_quantities" CHECK (
  "quantity" > 0 AND "picked" BETWEEN 0 AND "quantity" AND "packed" BETWEEN 0 AND "quantity"
  AND "shipped" BETWEEN 0 AND "quantity" AND "returned" BETWEEN 0 AND "shipped");

-- The expiry job reads only active reservations that expire: a small partial index, whatever the history.
CREATE INDEX "Reservation_active_expiry" ON "Reservation" ("expiresAt") WHERE status = 'active' AND "expiresAt" IS NOT NULL;

-- Every site gets an outbound staging zone (picked stock waiting to be packed and shipped) and a quarantine zone
-- (returns and suspect stock, never available); new sites get them from lib/locations/create-site.ts.
INSERT INTO "Location" (id, "siteId", "parentId", code, name, type, "isVirtual", path, purpose, "createdAt")
SELECT gen_random_uuid(), r."siteId", r.id, r.code || '-' || z.suffix, z.name || ' (' || r.code || ')', 'zone', false,
  r.path || '/' || r.code || '-' || z.suffix, z.purpose::"LocationPurpose", now()
FROM "Location" r
CROSS JOIN (VALUES ('STAGING', 'Outbound staging', 'staging'), ('QUARANTINE', 'Quarantine', 'quarantine')) z(suffix, name, purpose)
WHERE r.type = 'site'
ON CONFLICT (code) DO NOTHING;

-- Availability, the one rule (lib/availability/availability-rule.ts reads through this function): what a level
-- can still promise. Only storage locations of physical stock count (not staging, quarantine, in transit or the
-- virtual ends), not lots past their expiry, never below zero.
CREATE OR REPLACE FUNCTION stockroom_sellable(p_purpose "LocationPurpose", p_type "LocationType", p_virtual boolean, p_expires date)
RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT NOT p_virtual AND p_type <> 'transit' AND p_purpose = 'storage' AND (p_expires IS NULL OR p_expires >= current_date)
$$;
