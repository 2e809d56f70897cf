-- CreateEnum
CREATE TYPE "DigestFrequency" AS ENUM ('immediate', 'hourly', 'daily', 'off');

-- AlterTable
ALTER TABLE "Alert" ADD COLUMN     "acknowledgedByLabel" TEXT;

-- AlterTable
ALTER TABLE "Site" ADD COLUMN     "countCycleDays" INTEGER NOT NULL DEFAULT 90,
ADD COLUMN     "expiryAlertDays" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "quarantineAlertDays" INTEGER NOT NULL DEFAULT 14;

-- CreateTable
CREATE TABLE "AlertSubscription" (
    "userId" UUID NOT NULL,
    "kinds" "AlertKind"[],
    "siteIds" UUID[],
    "frequency" "DigestFrequency" NOT NULL DEFAULT 'daily',
    "lastSentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlertSubscription_pkey" PRIMARY KEY ("userId")
);

-- AddForeignKey
ALTER TABLE "AlertSubscription" ADD CONSTRAINT "AlertSubscription_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
