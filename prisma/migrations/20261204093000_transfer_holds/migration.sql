-- AlterTable
ALTER TABLE "Reservation" ADD COLUMN     "transferLineId" UUID;

-- CreateIndex
CREATE INDEX "Reservation_transferLineId_idx" ON "Reservation"("transferLineId");

-- AddForeignKey
ALTER TABLE "Reservation" ADD CONSTRAINT "Reservation_transferLineId_fkey" FOREIGN KEY ("transferLineId") REFERENCES "TransferLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
