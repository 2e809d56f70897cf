-- CreateEnum
CREATE TYPE "PurchaseDraftSchedule" AS ENUM ('off', 'daily', 'weekly');

-- AlterTable
ALTER TABLE "Site" ADD COLUMN     "purchaseDraftSchedule" "PurchaseDraftSchedule" NOT NULL DEFAULT 'off';

-- CreateTable
CREATE TABLE "PurchaseDraftRun" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "period" TEXT NOT NULL,
    "orders" TEXT[],
    "skipped" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PurchaseDraftRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PurchaseDraftRun_siteId_period_key" ON "PurchaseDraftRun"("siteId", "period");

-- AddForeignKey
ALTER TABLE "PurchaseDraftRun" ADD CONSTRAINT "PurchaseDraftRun_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;
