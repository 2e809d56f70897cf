import type { TestProject } from "vitest/node";
import { dropTestDatabaseTemplate, prepareTestDatabaseServer, type TestDatabaseServer } from "../../lib/db/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseServer: TestDatabaseServer;
  }
}

export default async function setup(project: TestProject) {
  const server = await prepareTestDatabaseServer();
  project.provide("testDatabaseServer", server);
  return () => dropTestDatabaseTemplate(server);
}
