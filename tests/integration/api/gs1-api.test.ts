import { describe, expect, it } from "vitest";
import * as parseRoute from "../../../app/api/v1/gs1/parse/route";
import { getDb } from "../../../lib/db/client";
import { buildApiKey } from "../../factories/access";
import { callRoute } from "./call-route";

describe("POST /api/v1/gs1/parse", () => {
  it("parses scanner text with a symbology identifier and GS separators", async () => {
    const { key } = await buildApiKey(getDb(), "viewer");
    const res = await callRoute(parseRoute.POST, {
      method: "POST",
      path: "/api/v1/gs1/parse",
      key,
      body: { data: "]C101095060001343521726123110ABC\u001d21S123" },
    });
    expect(res.status).toBe(200);
    expect(res.json.elements.map((e: { ai: string }) => e.ai)).toEqual(["01", "17", "10", "21"]);
    expect(res.json.hri).toBe("(01)09506000134352(17)261231(10)ABC(21)S123");
  });

  it("answers 422 naming each failing AI, and 401 without a key", async () => {
    const { key } = await buildApiKey(getDb(), "viewer");
    const res = await callRoute(parseRoute.POST, { method: "POST", path: "/api/v1/gs1/parse", key, body: { data: "(01)09506000134353(17)261332" } });
    expect(res.status).toBe(422);
    expect(res.json.errors.map((e: { field: string }) => e.field).sort()).toEqual(["(01)", "(17)"]);
    expect((await callRoute(parseRoute.POST, { method: "POST", path: "/api/v1/gs1/parse", body: { data: "(01)1" } })).status).toBe(401);
  });
});

describe("POST /api/v1/gs1/parse with GS1 Digital Link", () => {
  it("reads a Digital Link URI and answers the canonical link for element strings", async () => {
    const { key } = await buildApiKey(getDb(), "viewer");
    const fromUri = await callRoute(parseRoute.POST, {
      method: "POST",
      path: "/api/v1/gs1/parse",
      key,
      body: { data: "https://example.com/01/09506000134352/10/AB%2FC?17=261231" },
    });
    expect(fromUri.status).toBe(200);
    expect(fromUri.json.hri).toBe("(01)09506000134352(10)AB/C(17)261231");
    const fromText = await callRoute(parseRoute.POST, {
      method: "POST",
      path: "/api/v1/gs1/parse",
      key,
      body: { data: "(01)09506000134352(10)AB/C(17)261231" },
    });
    expect(fromText.json.digitalLink).toBe("https://id.gs1.org/01/09506000134352/10/AB%2FC?17=261231");
    const lotAlone = await callRoute(parseRoute.POST, { method: "POST", path: "/api/v1/gs1/parse", key, body: { data: "(10)ABC" } });
    expect(lotAlone.status).toBe(422);
    expect(lotAlone.json.errors[0].field).toBe("(10)");
  });
});
