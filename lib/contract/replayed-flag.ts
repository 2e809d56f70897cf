import { z } from "zod";

/** A member of write answers: true when this one answers a retry (api-route.ts then sets `Idempotent-Replayed`). */
export const replayedFlag = z.boolean().optional().describe("true when this answers a retry with the same Idempotency-Key");
