-- CreateEnum
CREATE TYPE "ChannelKind" AS ENUM ('shopify', 'woocommerce');

-- CreateTable
CREATE TABLE "Channel" (
    "id" UUID NOT NULL,
    "kind" "ChannelKind" NOT NULL,
    "name" TEXT NOT NULL,
    "baseUrl" TEXT NOT NULL,
    "credentials" TEXT NOT NULL,
    "webhookSecret" TEXT NOT NULL,
    "siteIds" UUID[],
    "bufferUnits" INTEGER NOT NULL DEFAULT 0,
    "bufferPercent" INTEGER NOT NULL DEFAULT 0,
    "platformLocation" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "ordersPolledUpTo" TIMESTAMP(3),
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Channel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChannelSku" (
    "id" UUID NOT NULL,
    "channelId" UUID NOT NULL,
    "itemId" UUID NOT NULL,
    "platformId" TEXT,
    "lastPushedQuantity" INTEGER,
    "lastKnownPlatformQuantity" INTEGER,
    "dirtySince" TIMESTAMP(3),
    "lastPushedAt" TIMESTAMP(3),
    "lastError" TEXT,
    "retryAfter" TIMESTAMP(3),

    CONSTRAINT "ChannelSku_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChannelLog" (
    "id" BIGSERIAL NOT NULL,
    "channelId" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "level" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "detail" JSONB,

    CONSTRAINT "ChannelLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChannelWebhookReceipt" (
    "id" BIGSERIAL NOT NULL,
    "channelId" UUID NOT NULL,
    "webhookId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChannelWebhookReceipt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Channel_name_key" ON "Channel"("name");

-- CreateIndex
CREATE INDEX "ChannelSku_channelId_dirtySince_idx" ON "ChannelSku"("channelId", "dirtySince");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelSku_channelId_itemId_key" ON "ChannelSku"("channelId", "itemId");

-- CreateIndex
CREATE INDEX "ChannelLog_channelId_at_idx" ON "ChannelLog"("channelId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelWebhookReceipt_channelId_webhookId_key" ON "ChannelWebhookReceipt"("channelId", "webhookId");

-- AddForeignKey
ALTER TABLE "ChannelSku" ADD CONSTRAINT "ChannelSku_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelSku" ADD CONSTRAINT "ChannelSku_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelLog" ADD CONSTRAINT "ChannelLog_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelWebhookReceipt" ADD CONSTRAINT "ChannelWebhookReceipt_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;
