import { describe, expect, it } from "vitest";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { updateInstallationSettings } from "../settings/installation-settings";
import { createChannel } from "./manage-channels";

const db = getDb();

describe("a channel's shop address", () => {
  it("may not be a private or loopback address unless an admin allows them", async () => {
    const w = await buildWarehouse(db);
    const input = {
      kind: "shopify" as const,
      name: `local-${Date.now().toString(36)}`,
      baseUrl: "http://127.0.0.1:9/",
      credentials: { accessToken: "shpat_x" },
      webhookSecret: "secret",
      sites: [w.site.code],
      location: "gid://shopify/Location/1",
    };
    await updateInstallationSettings(db, SYSTEM_ACTOR, { allowPrivateUrls: false });
    await expect(createChannel(db, SYSTEM_ACTOR, input)).rejects.toMatchObject({ code: "url_refused" });
    expect(await db.channel.count({ where: { name: input.name } })).toBe(0);
    await updateInstallationSettings(db, SYSTEM_ACTOR, { allowPrivateUrls: true });
    await expect(createChannel(db, SYSTEM_ACTOR, input)).resolves.toMatchObject({ name: input.name });
  });
});
