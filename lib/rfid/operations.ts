import { z } from "zod";
import { defineOperation } from "../contract/operation";
import { readerInput, readerView, readsInput, readsOutcome } from "./schemas";

const gs1Element = z.object({
  ai: z.string().describe("Application Identifier, e.g. 01"),
  value: z.string().describe("The element's data, e.g. 80614141123458"),
});

export const decodeEpcOp = defineOperation({
  id: "decodeEpc",
  method: "POST",
  path: "/api/v1/rfid/decode",
  tag: "RFID",
  permission: "stock.view",
  readOnly: true,
  summary: "Decode an RFID tag's EPC into its URIs and GS1 element string",
  description:
    "Accepts the EPC bank as hex (as a reader reports it; padding to a 16-bit word allowed) in the EPC Tag Data Standard binary " +
    "encodings SGTIN-96/198, SSCC-96, SGLN-96/195, GRAI-96/170, GIAI-96/202, GSRN-96, GSRNP-96, GDTI-96/174, CPI-96, CPI-var, SGCN-96 " +
    "and GID-96. A 422 on field `epc` says why a value cannot be decoded (unknown header, wrong length, reserved partition, invalid characters…).",
  body: z
    .object({
      epc: z.string().min(1).max(128).describe("EPC binary encoding in hex, e.g. 3074257BF7194E4000001A85"),
    })
    .meta({ id: "EpcDecodeInput" }),
  response: z
    .object({
      scheme: z.string().describe("Binary encoding, e.g. sgtin-96"),
      filter: z.number().int().min(0).max(7).nullable().describe("Filter value 0-7; null for GID-96, which has none"),
      tagUri: z.string().describe("e.g. urn:epc:tag:sgtin-96:3.0614141.812345.6789"),
      pureIdentityUri: z.string().describe("e.g. urn:epc:id:sgtin:0614141.812345.6789"),
      elements: z.array(gs1Element).describe("The GS1 element string, key with its check digit first; empty for GID-96"),
    })
    .meta({ id: "DecodedEpc" }),
});

export const encodeEpcOp = defineOperation({
  id: "encodeEpc",
  method: "POST",
  path: "/api/v1/rfid/encode",
  tag: "RFID",
  permission: "stock.view",
  readOnly: true,
  summary: "Encode a GTIN and serial as an SGTIN-96 EPC to write to a tag",
  description:
    "The serial must be digits without leading zeros, below 2^38. companyPrefixLength is required because the split between " +
    "GS1 Company Prefix and item reference cannot be derived from the GTIN. The filter defaults to 1 (point-of-sale trade item).",
  body: z
    .object({
      scheme: z.literal("sgtin-96").describe("Only SGTIN-96 is encoded for now"),
      gtin: z.string().min(1).max(14).describe("GTIN-8, -12, -13 or -14 with its check digit, e.g. 80614141123458"),
      serial: z.string().min(1).max(20).describe("Serial number, e.g. 6789"),
      filter: z.number().int().min(0).max(7).optional().describe("EPC filter value; 1 (point-of-sale trade item) when omitted"),
      companyPrefixLength: z
        .number({
          error: (issue) => (issue.input === undefined ? "is required: the GTIN alone does not tell where the GS1 Company Prefix ends" : undefined),
        })
        .int()
        .min(6)
        .max(12)
        .describe("Digits of the GS1 Company Prefix in the GTIN, e.g. 7 for 0614141"),
    })
    .meta({ id: "EpcEncodeInput" }),
  response: z
    .object({
      epc: z.string().describe("24 upper-case hex digits, e.g. 3074257BF7194E4000001A85"),
      tagUri: z.string().describe("e.g. urn:epc:tag:sgtin-96:3.0614141.812345.6789"),
    })
    .meta({ id: "EncodedEpc" }),
});

export const registerReaderOp = defineOperation({
  id: "registerRfidReader",
  method: "POST",
  path: "/api/v1/rfid/readers",
  tag: "RFID",
  permission: "locations.manage",
  status: 201,
  summary: "Place an RFID reader, or one of its antennas, at a location; registering it again moves it",
  description:
    "Without `antenna` the registration covers every antenna of the reader that has none of its own. Needs locations.manage at the location's site (and at the site the reader leaves).",
  body: readerInput,
  response: readerView,
});

export const listReadersOp = defineOperation({
  id: "listRfidReaders",
  method: "GET",
  path: "/api/v1/rfid/readers",
  tag: "RFID",
  permission: "stock.view",
  summary: "The RFID readers placed at the caller's sites",
  response: z.object({ data: z.array(readerView) }),
});

export const recordReadsOp = defineOperation({
  id: "recordRfidReads",
  method: "POST",
  path: "/api/v1/rfid/reads",
  tag: "RFID",
  permission: "stock.move",
  summary: "Report RFID reads (up to 5,000): units move to the reader's location, or are counted inside an open count",
  description:
    "Each SGTIN read names a serialized unit (GTIN → item, serial → unit). A unit in stock elsewhere at the reader's site is moved to the " +
    'reader\'s location (reason rfid, reference "RFID <reader>"); inside a location being counted the read is a count scan instead. ' +
    "The same tag at the same location within 60 s counts as a duplicate and does nothing; so does a read older than the tag's last one. " +
    "Undecodable EPCs and unregistered readers are listed, not refused. Needs stock.move at each reader's site. Honours Idempotency-Key.",
  body: readsInput,
  response: readsOutcome,
  problems: ["count_not_open", "serial_not_here", "insufficient_stock"],
});
