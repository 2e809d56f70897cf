import { z } from "zod";
import { defineOperation } from "../contract/operation";
import { userIdParams, userInput, userUpdate, userView } from "./schemas";

export const listUsersOp = defineOperation({
  id: "listUsers",
  method: "GET",
  path: "/api/v1/users",
  tag: "Users",
  permission: "users.manage",
  summary: "List users with their roles and sites",
  response: z.object({ data: z.array(userView) }),
});

export const createUserOp = defineOperation({
  id: "createUser",
  method: "POST",
  path: "/api/v1/users",
  tag: "Users",
  permission: "users.manage",
  summary: "Create a user",
  status: 201,
  body: userInput,
  response: userView,
  problems: ["email_taken"],
});

export const updateUserOp = defineOperation({
  id: "updateUser",
  method: "PATCH",
  path: "/api/v1/users/{id}",
  tag: "Users",
  permission: "users.manage",
  summary: "Change a user's name, role, sites or password, or deactivate them",
  params: userIdParams,
  body: userUpdate,
  response: userView,
  problems: ["not_found", "own_access"],
});
