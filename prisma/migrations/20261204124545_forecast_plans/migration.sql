-- CreateTable
CREATE TABLE "ForecastPlan" (
    "itemId" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "period" TEXT NOT NULL,
    "pinnedMethod" TEXT,
    "overrides" JSONB NOT NULL DEFAULT '[]',
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT NOT NULL,

    CONSTRAINT "ForecastPlan_pkey" PRIMARY KEY ("itemId","siteId","period")
);

-- AddForeignKey
ALTER TABLE "ForecastPlan" ADD CONSTRAINT "ForecastPlan_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForecastPlan" ADD CONSTRAINT "ForecastPlan_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ForecastPlan" ADD CONSTRAINT "ForecastPlan_period" CHECK (period IN ('day', 'week', 'month'));
