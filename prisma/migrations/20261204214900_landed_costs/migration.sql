-- AlterTable
ALTER TABLE "CostRevaluation" ADD COLUMN     "category" "ValueCategory" NOT NULL DEFAULT 'adjustments',
ADD COLUMN     "landedCostId" UUID;

-- CreateTable
CREATE TABLE "LandedCost" (
    "id" UUID NOT NULL,
    "postingId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "amount" DECIMAL(18,4) NOT NULL,
    "allocatedBy" TEXT NOT NULL,
    "reference" TEXT,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "actorLabel" TEXT NOT NULL,
    "shares" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LandedCost_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LandedCost_postingId_idx" ON "LandedCost"("postingId");

-- AddForeignKey
ALTER TABLE "CostRevaluation" ADD CONSTRAINT "CostRevaluation_landedCostId_fkey" FOREIGN KEY ("landedCostId") REFERENCES "LandedCost"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
