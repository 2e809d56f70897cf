import { describe, expect, it } from "vitest";
import * as decodeRoute from "../../../app/api/v1/rfid/decode/route";
import * as encodeRoute from "../../../app/api/v1/rfid/encode/route";
import * as readsRoute from "../../../app/api/v1/rfid/reads/route";
import * as resolveRoute from "../../../app/api/v1/scans/resolve/route";
import * as snapshotRoute from "../../../app/api/v1/scans/snapshot/route";
import { getDb } from "../../../lib/db/client";
import { buildApiKey } from "../../factories/access";
import { buildWarehouse } from "../../factories/stock";
import { callRoute } from "./call-route";

const db = getDb();

describe("POST /api/v1/scans/resolve", () => {
  it("answers what a bin label is, and an unknown code as kind unknown (not an error)", async () => {
    const w = await buildWarehouse(db);
    const { key } = await buildApiKey(db, "viewer");
    const bin = await callRoute(resolveRoute.POST, { method: "POST", path: "/api/v1/scans/resolve", key, body: { data: `]C0${w.bins.a1.code}` } });
    expect(bin.status).toBe(200);
    expect(bin.json).toMatchObject({ kind: "location", raw: `]C0${w.bins.a1.code}`, location: { code: w.bins.a1.code, site: w.site.code } });
    const unknown = await callRoute(resolveRoute.POST, { method: "POST", path: "/api/v1/scans/resolve", key, body: { data: "NO-SUCH-THING" } });
    expect(unknown.json).toMatchObject({ kind: "unknown", raw: "NO-SUCH-THING" });
    expect((await callRoute(resolveRoute.POST, { method: "POST", path: "/api/v1/scans/resolve", key, body: {} })).status).toBe(422);
    expect((await callRoute(resolveRoute.POST, { method: "POST", path: "/api/v1/scans/resolve", body: { data: "X" } })).status).toBe(401);
  });

  it("serves a site's snapshot, and 404 for a site that does not exist", async () => {
    const w = await buildWarehouse(db);
    const { key } = await buildApiKey(db, "viewer");
    const snapshot = await callRoute(snapshotRoute.GET, { path: `/api/v1/scans/snapshot?site=${w.site.code}`, key });
    expect(snapshot.status).toBe(200);
    expect(snapshot.json.locations.map((l: { code: string }) => l.code)).toContain(w.bins.a1.code);
    expect((await callRoute(snapshotRoute.GET, { path: "/api/v1/scans/snapshot?site=NOPE", key })).status).toBe(404);
  });
});

describe("RFID over the API", () => {
  it("decodes an SGTIN-96 and refuses what is not an EPC with 422 naming the field", async () => {
    const { key } = await buildApiKey(db, "viewer");
    const decoded = await callRoute(decodeRoute.POST, {
      method: "POST",
      path: "/api/v1/rfid/decode",
      key,
      body: { epc: "3074257BF7194E4000001A85" },
    });
    expect(decoded.status).toBe(200);
    expect(decoded.json).toMatchObject({
      scheme: "sgtin-96",
      tagUri: "urn:epc:tag:sgtin-96:3.0614141.812345.6789",
      pureIdentityUri: "urn:epc:id:sgtin:0614141.812345.6789",
    });
    expect(decoded.json.elements).toEqual([
      { ai: "01", value: "80614141123458" },
      { ai: "21", value: "6789" },
    ]);
    const bad = await callRoute(decodeRoute.POST, { method: "POST", path: "/api/v1/rfid/decode", key, body: { epc: "ZZ" } });
    expect(bad.status).toBe(422);
    expect(bad.json.errors[0].field).toBe("epc");
  });

  it("encodes an SGTIN-96 that decodes back, and 422 for an impossible encoding", async () => {
    const { key } = await buildApiKey(db, "viewer");
    const encoded = await callRoute(encodeRoute.POST, {
      method: "POST",
      path: "/api/v1/rfid/encode",
      key,
      body: { scheme: "sgtin-96", gtin: "80614141123458", serial: "6789", filter: 3, companyPrefixLength: 7 },
    });
    expect(encoded.status).toBe(200);
    expect(encoded.json.epc).toBe("3074257BF7194E4000001A85");
    const tooBig = await callRoute(encodeRoute.POST, {
      method: "POST",
      path: "/api/v1/rfid/encode",
      key,
      body: { scheme: "sgtin-96", gtin: "80614141123458", serial: "999999999999999", companyPrefixLength: 7 },
    });
    expect(tooBig.status).toBe(422);
    expect(tooBig.json.errors.map((e: { field: string }) => e.field)).toContain("serial");
  });

  it("refuses tag reads from a role that may not move stock", async () => {
    const { key } = await buildApiKey(db, "viewer");
    const res = await callRoute(readsRoute.POST, {
      method: "POST",
      path: "/api/v1/rfid/reads",
      key,
      body: { reads: [{ epc: "3074257BF7194E4000001A85", reader: "DOOR-1", at: new Date().toISOString() }] },
    });
    expect(res.status).toBe(403);
  });
});
