-- AlterTable
ALTER TABLE "Alert" ADD COLUMN     "acknowledgedByLabel" TEXT;

-- AlterTable
ALTER TABLE "Site" ADD COLUMN     "countCycleDays" INTEGER NOT NULL DEFAULT 90,
ADD COLUMN     "expiryAlertDays" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "quarantineAlertDays" INTEGER NOT NULL DEFAULT 14;
