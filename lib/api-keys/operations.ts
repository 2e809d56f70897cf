import { z } from "zod";
import { defineOperation } from "../contract/operation";
import { apiKeyIdParams, apiKeyInput, apiKeyView, createdApiKey } from "./schemas";

export const listApiKeysOp = defineOperation({
  id: "listApiKeys",
  method: "GET",
  path: "/api/v1/api-keys",
  tag: "API keys",
  permission: "apiKeys.manage",
  summary: "List API keys (never their secrets)",
  response: z.object({ data: z.array(apiKeyView) }),
});

export const createApiKeyOp = defineOperation({
  id: "createApiKey",
  method: "POST",
  path: "/api/v1/api-keys",
  tag: "API keys",
  permission: "apiKeys.manage",
  summary: "Create an API key; the secret is in this answer only",
  status: 201,
  body: apiKeyInput,
  response: createdApiKey,
  secrets: ["key"],
});

export const revokeApiKeyOp = defineOperation({
  id: "revokeApiKey",
  method: "DELETE",
  path: "/api/v1/api-keys/{id}",
  tag: "API keys",
  permission: "apiKeys.manage",
  summary: "Revoke an API key at once",
  params: apiKeyIdParams,
  response: apiKeyView,
  problems: ["not_found"],
});
