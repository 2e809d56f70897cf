-- CreateTable
CREATE TABLE "ReportRun" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "filters" JSONB NOT NULL,
    "format" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "rows" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "requesterType" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "requesterLabel" TEXT NOT NULL,
    "requester" JSONB NOT NULL,
    "fileName" TEXT,
    "contentType" TEXT,
    "file" BYTEA,
    "error" TEXT,
    "leaseHolder" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ReportRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportSchedule" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "filters" JSONB NOT NULL,
    "cadence" TEXT NOT NULL,
    "recipients" TEXT[],
    "requesterType" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "requesterLabel" TEXT NOT NULL,
    "requester" JSONB NOT NULL,
    "lastPeriod" TEXT,
    "lastSentAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportSchedule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReportRun_status_createdAt_idx" ON "ReportRun"("status", "createdAt");

-- CreateIndex
CREATE INDEX "ReportRun_createdAt_idx" ON "ReportRun"("createdAt");

-- CreateIndex
CREATE INDEX "ReportSchedule_requesterType_requesterId_idx" ON "ReportSchedule"("requesterType", "requesterId");

-- Hand-written: the values the code knows, so a bad write fails at once.
ALTER TABLE "ReportRun" ADD CONSTRAINT "ReportRun_status_check" CHECK (status IN ('queued', 'running', 'done', 'failed'));
ALTER TABLE "ReportRun" ADD CONSTRAINT "ReportRun_format_check" CHECK (format IN ('csv', 'xlsx', 'pdf'));
ALTER TABLE "ReportRun" ADD CONSTRAINT "ReportRun_progress_check" CHECK (progress >= 0 AND progress <= 1);
ALTER TABLE "ReportSchedule" ADD CONSTRAINT "ReportSchedule_format_check" CHECK (format IN ('csv', 'xlsx', 'pdf'));
ALTER TABLE "ReportSchedule" ADD CONSTRAINT "ReportSchedule_cadence_check" CHECK (cadence IN ('daily', 'weekly', 'monthly'));
