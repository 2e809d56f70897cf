-- CreateEnum
CREATE TYPE "PurchaseOrderStatus" AS ENUM ('draft', 'approved', 'sent', 'partially_received', 'received', 'cancelled', 'closed');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'supplier';

-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "supplierId" UUID;

-- AlterTable
ALTER TABLE "InstallationSettings" ADD COLUMN     "purchaseApprovalLimit" DECIMAL(18,4) NOT NULL DEFAULT 10000;

-- AlterTable
ALTER TABLE "ItemSupplier" ADD COLUMN     "packSize" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "priceBreaks" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "Supplier" ADD COLUMN     "contacts" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "currency" TEXT NOT NULL DEFAULT 'EUR',
ADD COLUMN     "leadTimeDays" INTEGER,
ADD COLUMN     "minOrderValue" DECIMAL(18,4),
ADD COLUMN     "paymentTerms" TEXT;

-- Purchase order numbers: PO-000001, …
CREATE SEQUENCE "purchase_order_number_seq";

-- CreateTable
CREATE TABLE "PurchaseOrder" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL DEFAULT ('PO-'::text || lpad((nextval('purchase_order_number_seq'::regclass))::text, 6, '0'::text)),
    "supplierId" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "status" "PurchaseOrderStatus" NOT NULL DEFAULT 'draft',
    "expectedAt" DATE,
    "currency" TEXT NOT NULL,
    "total" DECIMAL(18,4) NOT NULL,
    "createdByLabel" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PurchaseOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PurchaseOrderLine" (
    "id" UUID NOT NULL,
    "purchaseOrderId" UUID NOT NULL,
    "lineNo" INTEGER NOT NULL,
    "itemId" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unitCost" DECIMAL(18,4) NOT NULL,
    "received" INTEGER NOT NULL DEFAULT 0,
    "damaged" INTEGER NOT NULL DEFAULT 0,
    "confirmedQuantity" INTEGER,
    "promisedAt" DATE,

    CONSTRAINT "PurchaseOrderLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PurchaseOrderHistory" (
    "id" BIGSERIAL NOT NULL,
    "purchaseOrderId" UUID NOT NULL,
    "status" "PurchaseOrderStatus" NOT NULL,
    "step" TEXT NOT NULL,
    "actorLabel" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT,
    "detail" JSONB,

    CONSTRAINT "PurchaseOrderHistory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdvanceShippingNotice" (
    "id" UUID NOT NULL,
    "purchaseOrderId" UUID NOT NULL,
    "sscc" TEXT,
    "shipDate" DATE NOT NULL,
    "expectedAt" DATE NOT NULL,
    "lines" JSONB NOT NULL,
    "receivedAt" TIMESTAMP(3),
    "createdByLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdvanceShippingNotice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PurchaseOrder_number_key" ON "PurchaseOrder"("number");

-- CreateIndex
CREATE INDEX "PurchaseOrder_supplierId_status_idx" ON "PurchaseOrder"("supplierId", "status");

-- CreateIndex
CREATE INDEX "PurchaseOrder_siteId_status_idx" ON "PurchaseOrder"("siteId", "status");

-- CreateIndex
CREATE INDEX "PurchaseOrderLine_itemId_idx" ON "PurchaseOrderLine"("itemId");

-- CreateIndex
CREATE UNIQUE INDEX "PurchaseOrderLine_purchaseOrderId_lineNo_key" ON "PurchaseOrderLine"("purchaseOrderId", "lineNo");

-- CreateIndex
CREATE UNIQUE INDEX "PurchaseOrderLine_purchaseOrderId_itemId_key" ON "PurchaseOrderLine"("purchaseOrderId", "itemId");

-- CreateIndex
CREATE INDEX "PurchaseOrderHistory_purchaseOrderId_id_idx" ON "PurchaseOrderHistory"("purchaseOrderId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "AdvanceShippingNotice_sscc_key" ON "AdvanceShippingNotice"("sscc");

-- CreateIndex
CREATE INDEX "AdvanceShippingNotice_purchaseOrderId_idx" ON "AdvanceShippingNotice"("purchaseOrderId");

-- CreateIndex
CREATE INDEX "ApiKey_supplierId_idx" ON "ApiKey"("supplierId");

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_supplierId_fkey" FOREIGN KEY ("supplierId") REFERENCES "Supplier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurchaseOrder" ADD CONSTRAINT "PurchaseOrder_supplierId_fkey" FOREIGN KEY ("supplierId") REFERENCES "Supplier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurchaseOrder" ADD CONSTRAINT "PurchaseOrder_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurchaseOrderLine" ADD CONSTRAINT "PurchaseOrderLine_purchaseOrderId_fkey" FOREIGN KEY ("purchaseOrderId") REFERENCES "PurchaseOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurchaseOrderLine" ADD CONSTRAINT "PurchaseOrderLine_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurchaseOrderHistory" ADD CONSTRAINT "PurchaseOrderHistory_purchaseOrderId_fkey" FOREIGN KEY ("purchaseOrderId") REFERENCES "PurchaseOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdvanceShippingNotice" ADD CONSTRAINT "AdvanceShippingNotice_purchaseOrderId_fkey" FOREIGN KEY ("purchaseOrderId") REFERENCES "PurchaseOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- What Prisma cannot express.
-- A supplier-role key names its supplier, and only such a key does (compared as text: the new enum value cannot be
-- used in the transaction that adds it).
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_supplier_scope" CHECK (("role"::text = 'supplier') = ("supplierId" IS NOT NULL));
ALTER TABLE "ItemSupplier" ADD CONSTRAINT "ItemSupplier_packSize_positive" CHECK ("packSize" >= 1);
ALTER TABLE "PurchaseOrder" ADD CONSTRAINT "PurchaseOrder_total_nonnegative" CHECK ("total" >= 0);
ALTER TABLE "PurchaseOrderLine" ADD CONSTRAINT "PurchaseOrderLine_quantities" CHECK (
  "quantity" > 0 AND "unitCost" >= 0 AND "received" >= 0 AND "damaged" >= 0 AND ("confirmedQuantity" IS NULL OR "confirmedQuantity" >= 0)
);
