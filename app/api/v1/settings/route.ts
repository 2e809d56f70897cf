import { apiRoute } from "@/lib/http/api-route";
import { getInstallationSettings, updateInstallationSettings } from "@/lib/settings/installation-settings";
import { getSettingsOp, updateSettingsOp } from "@/lib/settings/operations";

export const GET = apiRoute(getSettingsOp, ({ db, actor }) => getInstallationSettings(db, actor));

export const PATCH = apiRoute(updateSettingsOp, ({ db, actor, body }) => updateInstallationSettings(db, actor, body));
