-- AlterTable
ALTER TABLE "TransferOrder" ADD COLUMN     "createdByKeyId" UUID;

-- AddForeignKey
ALTER TABLE "TransferOrder" ADD CONSTRAINT "TransferOrder_createdByKeyId_fkey" FOREIGN KEY ("createdByKeyId") REFERENCES "ApiKey"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Drafts made by an API key before this column existed: the key is named in the transfer's creation audit
-- entry, so it cannot approve them either.
UPDATE "TransferOrder" t SET "createdByKeyId" = k.id
FROM "AuditEntry" a JOIN "ApiKey" k ON k.id::text = a."actorId"
WHERE a.action = 'transfer.create' AND a."actorType" = 'apiKey' AND a."entityId" = t.id::text AND t."createdByKeyId" IS NULL;
