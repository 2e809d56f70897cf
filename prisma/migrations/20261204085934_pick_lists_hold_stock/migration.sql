-- AlterTable
ALTER TABLE "PickListLine" ADD COLUMN     "allocationId" UUID,
ADD COLUMN     "orderLineId" UUID;

-- AlterTable
ALTER TABLE "Reservation" ADD COLUMN     "pickListLineId" UUID;

-- CreateIndex
CREATE INDEX "PickListLine_orderLineId_idx" ON "PickListLine"("orderLineId");

-- CreateIndex
CREATE INDEX "Reservation_pickListLineId_idx" ON "Reservation"("pickListLineId");

-- AddForeignKey
ALTER TABLE "PickListLine" ADD CONSTRAINT "PickListLine_orderLineId_fkey" FOREIGN KEY ("orderLineId") REFERENCES "SalesOrderLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PickListLine" ADD CONSTRAINT "PickListLine_allocationId_fkey" FOREIGN KEY ("allocationId") REFERENCES "ReservationAllocation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reservation" ADD CONSTRAINT "Reservation_pickListLineId_fkey" FOREIGN KEY ("pickListLineId") REFERENCES "PickListLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ── By hand: what Prisma cannot express ──

-- A pick of an order moves its units from the bin to the site's staging location under this reason.
INSERT INTO "ReasonCode" ("code", "label", "builtIn", "active") VALUES ('picked', 'Picked for an order', true, true) ON CONFLICT ("code") DO NOTHING;

-- Only picked units can be packed (the pack rule checks it too; this is the last line).
ALTER TABLE "SalesOrderLine" ADD CONSTRAINT "SalesOrderLine_packed_within_picked" CHECK ("packed" <= "picked");
