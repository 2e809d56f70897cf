-- AlterTable
ALTER TABLE "Supplier" ADD COLUMN     "orderWebhookSecret" TEXT,
ADD COLUMN     "orderWebhookUrl" TEXT;

-- A supplier's order webhook always has its signing secret, and a secret without a URL signs nothing.
ALTER TABLE "Supplier" ADD CONSTRAINT "Supplier_orderWebhook_has_secret"
  CHECK (("orderWebhookUrl" IS NULL) = ("orderWebhookSecret" IS NULL));
