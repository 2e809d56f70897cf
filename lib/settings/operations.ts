import { defineOperation } from "../contract/operation";
import { installationSettingsPatch, installationSettingsView } from "./schemas";

export const getSettingsOp = defineOperation({
  id: "getSettings",
  method: "GET",
  path: "/api/v1/settings",
  tag: "Settings",
  permission: "settings.manage",
  summary: "The installation's settings",
  response: installationSettingsView,
});

export const updateSettingsOp = defineOperation({
  id: "updateSettings",
  method: "PATCH",
  path: "/api/v1/settings",
  tag: "Settings",
  permission: "settings.manage",
  summary: "Change the installation's settings; members left out keep their value",
  description:
    "`allowPrivateUrls: true` lets webhooks and shop channels call private, loopback and link-local addresses, which are refused otherwise (a URL given by an integrator must not reach what sits behind the firewall).",
  body: installationSettingsPatch,
  response: installationSettingsView,
});
