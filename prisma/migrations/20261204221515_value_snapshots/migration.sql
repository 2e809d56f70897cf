-- CreateTable
CREATE TABLE "ValueSnapshot" (
    "through" DATE NOT NULL,
    "itemId" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "quantity" BIGINT NOT NULL,
    "value" DECIMAL(18,4) NOT NULL,

    CONSTRAINT "ValueSnapshot_pkey" PRIMARY KEY ("through","itemId","siteId")
);
