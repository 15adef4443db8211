/**
 * Setup of the "dom" Vitest project (component tests of the islands): jest-dom's matchers
 * (`toBeInTheDocument`, `toHaveAttribute`, …) on `expect`, and an unmounted tree, restored mocks
 * and real timers after every test, so no test sees another's DOM, spies or clock.
 */
import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach, vi } from "vitest";

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});
