import { defineConfig } from "@playwright/test";
import { CLUSTER_PORT } from "./e2e/cluster/support";
import { CHROMIUM_ARGS, chromiumPath } from "./e2e/support/env";

/**
 * The cluster suite (`npm run test:cluster`, part of `npm test`): `npm run cluster` started
 * afresh on ports beside E2E_PORT (PostgreSQL and Redis of its own, two instances of one build,
 * nginx in front), the specs of e2e/cluster/ against it, one at a time, then everything stopped.
 */
export default defineConfig({
  testDir: "e2e/cluster",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${CLUSTER_PORT}`,
    browserName: "chromium",
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
  },
  // The fault tests stop parts of the cluster, so they run after the others.
  projects: [
    { name: "cluster", testIgnore: /faults\.spec\.ts$/ },
    { name: "faults", testMatch: /faults\.spec\.ts$/, dependencies: ["cluster"] },
  ],
  webServer: {
    command: `node --import tsx scripts/cluster.ts --port ${CLUSTER_PORT} --fresh`,
    url: `http://127.0.0.1:${CLUSTER_PORT}/images/logo.png`,
    // Setting up, building (two or three minutes on two cores) and starting everything.
    timeout: 900_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: "SIGTERM", timeout: 60_000 },
    stdout: "pipe",
    stderr: "pipe",
  },
});
