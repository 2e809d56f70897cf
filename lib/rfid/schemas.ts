import { z } from "zod";

/** Up to this many reads per request: a busy dock door's few seconds, and still one round of batched queries. */
export const MAX_READS = 5_000;

/** Antenna 0 stands for every antenna of the reader that has no registration of its own. */
export const ANY_ANTENNA = 0;

const readerId = z.string().trim().min(1, "Name the reader").max(64);

export const readerInput = z
  .object({
    id: readerId.describe("The reader's own identifier, as it reports it with each read").meta({ example: "DOCK-1" }),
    location: z
      .string()
      .trim()
      .min(1, "Name the location")
      .max(64)
      .transform((s) => s.toUpperCase())
      .describe("Code of the location the reader (or this antenna) watches")
      .meta({ example: "WH1-DOCK" }),
    antenna: z
      .number()
      .int("An antenna number")
      .min(1, "Antennas count from 1; leave it out for the whole reader")
      .max(64)
      .optional()
      .describe("One antenna of the reader; left out, the registration covers every antenna without one of its own"),
  })
  .meta({ id: "RfidReaderInput" });

export const readerView = z
  .object({
    id: z.string(),
    antenna: z.number().int().describe("0: every antenna of the reader without a registration of its own"),
    location: z.string().describe("Location code"),
  })
  .meta({ id: "RfidReader" });

export const readInput = z.object({
  epc: z.string().trim().min(1).max(128).describe("EPC bank in hex, as the reader reports it").meta({ example: "3074257BF7194E4000001A85" }),
  reader: readerId.describe("Registered reader id"),
  antenna: z.number().int().min(0).max(64).optional().describe("Antenna that made the read; 0 or left out: the reader's default"),
  rssi: z.number().optional().describe("Signal strength in dBm (recorded by readers, not used here)"),
  at: z.iso.datetime({ offset: true }).describe("When the tag was read, e.g. 2026-11-27T08:15:00Z"),
});

export const readsInput = z.object({ reads: z.array(readInput).min(1, "Send at least one read").max(MAX_READS) }).meta({ id: "RfidReads" });

export const readsOutcome = z
  .object({
    accepted: z.number().int().describe("Reads decoded, from a registered reader, and not duplicates"),
    duplicates: z
      .number()
      .int()
      .describe(
        "Reads that did nothing: the same tag at the same location within 60 s of a read that was acted on, or older than the tag's last recorded read",
      ),
    undecodable: z.array(z.object({ index: z.number().int(), epc: z.string(), reason: z.string() })).describe("Reads whose EPC cannot be decoded"),
    unknownReaders: z
      .array(z.object({ reader: z.string(), antenna: z.number().int().nullable(), reads: z.number().int() }))
      .describe("Reader (and antenna) ids no registration covers, with how many reads they sent"),
    moved: z
      .array(z.object({ sku: z.string(), serial: z.string(), from: z.string(), to: z.string() }))
      .describe("Units moved in the ledger (reason rfid)"),
    counted: z.number().int().describe("Reads added to an open count instead of moving stock"),
    notTracked: z
      .number()
      .int()
      .describe(
        "Accepted reads of no unit in stock: not an SGTIN, an unknown GTIN or serial, an item not serial-tracked, or a unit never received (or gone)",
      ),
    refused: z
      .array(
        z.object({
          sku: z.string(),
          serial: z.string(),
          from: z.string().nullable().describe("Where the ledger has the unit; null when that is at a site you may not see"),
          to: z.string(),
          reason: z.string(),
        }),
      )
      .describe("Moves the ledger refused (storage conditions, a unit at another site…); the other moves were posted"),
  })
  .meta({ id: "RfidReadsOutcome" });

export type ReaderInput = z.input<typeof readerInput>;
export type ReaderView = z.infer<typeof readerView>;
export type ReadsInput = z.input<typeof readsInput>;
export type ParsedRead = z.output<typeof readInput>;
export type ReadsOutcome = z.infer<typeof readsOutcome>;
