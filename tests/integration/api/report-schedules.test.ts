// /api/v1/report-schedules over HTTP: managers and admins make, list and delete schedules; a clerk or a viewer
// is refused (403) every one; with mail off a new schedule is 422 naming `to`.
import { afterEach, describe, expect, it } from "vitest";
import * as scheduleRoute from "../../../app/api/v1/report-schedules/[id]/route";
import * as schedulesRoute from "../../../app/api/v1/report-schedules/route";
import { getDb } from "../../../lib/db/client";
import { buildApiKey, buildSite } from "../../factories/access";
import { callRoute } from "./call-route";

const db = getDb();
const body = { name: "stock-on-hand", format: "pdf", cadence: "weekly", to: ["ana@example.com"] };
const create = (key: string, input: unknown = body) =>
  callRoute(schedulesRoute.POST, { method: "POST", path: "/api/v1/report-schedules", key, body: input });

afterEach(() => {
  delete process.env.SMTP_URL;
});

describe("report schedules over HTTP", () => {
  it("lets a manager make, list and delete a schedule; refuses a clerk and a viewer", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:1"; // set up; nothing is sent here
    const site = await buildSite(db);
    const [manager, clerk, viewer] = await Promise.all([
      buildApiKey(db, "manager"),
      buildApiKey(db, "clerk", [site.code]),
      buildApiKey(db, "viewer"),
    ]);
    const made = await create(manager.key);
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({ name: "stock-on-hand", format: "pdf", cadence: "weekly", to: ["ana@example.com"], lastSentAt: null });
    const id = made.json.id as string;
    const listed = await callRoute(schedulesRoute.GET, { path: "/api/v1/report-schedules", key: manager.key });
    expect(listed.json.data.map((s: { id: string }) => s.id)).toContain(id);

    for (const refused of [clerk, viewer]) {
      expect((await create(refused.key)).status).toBe(403);
      expect((await callRoute(schedulesRoute.GET, { path: "/api/v1/report-schedules", key: refused.key })).status).toBe(403);
      const removed = await callRoute(scheduleRoute.DELETE, {
        method: "DELETE",
        path: `/api/v1/report-schedules/${id}`,
        key: refused.key,
        params: { id },
      });
      expect(removed.status).toBe(403);
    }
    const bad = await create(manager.key, { ...body, cadence: "hourly", to: ["not-an-address"] });
    expect(bad.status).toBe(422);
    expect(bad.json.errors.map((e: { field: string }) => e.field).sort()).toEqual(["cadence", "to.0"]);

    const removed = await callRoute(scheduleRoute.DELETE, {
      method: "DELETE",
      path: `/api/v1/report-schedules/${id}`,
      key: manager.key,
      params: { id },
    });
    expect(removed).toMatchObject({ status: 200, json: { id, deleted: true } });
    const again = await callRoute(scheduleRoute.DELETE, {
      method: "DELETE",
      path: `/api/v1/report-schedules/${id}`,
      key: manager.key,
      params: { id },
    });
    expect(again.status).toBe(404);
  });

  it("is 422 naming `to` while mail is not set up", async () => {
    const manager = await buildApiKey(db, "manager");
    const refused = await create(manager.key);
    expect(refused.status).toBe(422);
    expect(refused.json.errors).toEqual([expect.objectContaining({ field: "to", message: expect.stringMatching(/SMTP_URL/) })]);
  });

  it("makes one schedule for a retried Idempotency-Key and answers the first answer; another body with the key is refused", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:1"; // set up; nothing is sent here
    const site = await buildSite(db);
    const [manager, clerk] = await Promise.all([buildApiKey(db, "manager"), buildApiKey(db, "clerk", [site.code])]);
    const send = (key: string, input: unknown) =>
      callRoute(schedulesRoute.POST, {
        method: "POST",
        path: "/api/v1/report-schedules",
        key,
        body: input,
        headers: { "idempotency-key": "weekly-soh" },
      });
    const schedulesOf = (requesterId: string) => db.reportSchedule.count({ where: { requesterId } });

    const first = await send(manager.key, body);
    expect(first.status).toBe(201);
    const retry = await send(manager.key, body);
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.json).toEqual(first.json);
    expect(await schedulesOf(manager.actor.id)).toBe(1);

    const reused = await send(manager.key, { ...body, cadence: "daily" });
    expect(reused.status).toBe(422);
    expect(reused.json.errors).toEqual([expect.objectContaining({ field: "Idempotency-Key" })]);
    expect(await schedulesOf(manager.actor.id)).toBe(1);

    expect((await send(clerk.key, body)).status).toBe(403);
    expect(await schedulesOf(clerk.actor.id)).toBe(0);
  });
});
