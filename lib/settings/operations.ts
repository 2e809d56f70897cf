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
    "`allowPrivateUrls: true` lets webhooks and shop channels call private, loopback and link-local addresses, which are refused otherwise (a URL given by an integrator must not reach what sits behind the firewall). A new `costingMethod` revalues the stock of every item that names no method and whose category names none, from `costingFrom` (today when left out), each with a revaluation entry; `currency` is the code the valuation reports in.",
  body: installationSettingsPatch,
  response: installationSettingsView,
});
