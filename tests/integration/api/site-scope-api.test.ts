// Site scope through the route handlers: a caller limited to some sites neither acts at nor learns about others.
import { describe, expect, it } from "vitest";
import * as reverseRoute from "../../../app/api/v1/movements/[id]/reverse/route";
import { SYSTEM_ACTOR } from "../../../lib/auth/actor";
import { getDb } from "../../../lib/db/client";
import { createTransfer } from "../../../lib/transfers/create-transfer";
import { receiveTransfer } from "../../../lib/transfers/receive-transfer";
import { shipTransfer } from "../../../lib/transfers/ship-transfer";
import { buildApiKey } from "../../factories/access";
import { buildTwoSites } from "../../factories/transfers";
import { callRoute } from "./call-route";

const db = getDb();

describe("POST /api/v1/movements/{id}/reverse", () => {
  it("403s a key of the receiving site only for a transfer's receipt, and 201s a key of both sites", async () => {
    const { source, destination, items } = await buildTwoSites(db);
    const transfer = await createTransfer(db, SYSTEM_ACTOR, { from: source.site.code, to: destination.site.code, lines: [{ sku: items.plain.sku, quantity: 1 }] });
    await shipTransfer(db, SYSTEM_ACTOR, transfer.id);
    const received = await receiveTransfer(db, SYSTEM_ACTOR, transfer.id, { lines: [{ sku: items.plain.sku, quantity: 1, to: destination.bins.a1.code }] });
    const { id } = received.steps.at(-1)!.movements[0];
    const reverse = (key: string) => callRoute(reverseRoute.POST, { method: "POST", path: `/api/v1/movements/${id}/reverse`, key, body: {}, params: { id } });

    const receiver = await buildApiKey(db, "clerk", [destination.site.code]);
    const refused = await reverse(receiver.key);
    expect(refused).toMatchObject({ status: 403, contentType: "application/problem+json", json: { code: "forbidden", siteId: source.site.id } });
    const both = await buildApiKey(db, "clerk", [source.site.code, destination.site.code]);
    expect((await reverse(both.key)).status).toBe(201);
  });
});
