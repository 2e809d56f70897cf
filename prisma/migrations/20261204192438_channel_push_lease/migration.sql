-- AlterTable
ALTER TABLE "Channel" ADD COLUMN     "pushLeaseHolder" TEXT,
ADD COLUMN     "pushLeaseUntil" TIMESTAMP(3);
