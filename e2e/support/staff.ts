import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { E2E_DATABASE_URL, E2E_DB_PATH, E2E_ON_POSTGRES, PROJECT_ROOT } from "./env";

/** The password of every staff account the newsroom specs make. */
export const STAFF_PASSWORD = "newsroom-e2e-correct-horse-battery";

/**
 * A staff account made as an admin makes one, with `npm run newsroom -- add-user` (the password
 * on standard input); returns its email.
 */
export function addStaff(role: "writer" | "editor", name?: string): string {
  const email = `${role}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@newsroom.test`;
  const result = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      path.join(PROJECT_ROOT, "scripts", "newsroom.ts"),
      "add-user",
      email,
      "--role",
      role,
      ...(name ? ["--name", name] : []),
    ],
    {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
      input: `${STAFF_PASSWORD}\n`,
      env: {
        ...process.env,
        HERALD_DATABASE_PATH: E2E_DB_PATH,
        ...(E2E_ON_POSTGRES ? { HERALD_DATABASE_URL: E2E_DATABASE_URL } : {}),
      },
    },
  );
  expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
  return email;
}

/** Signs `page` in at /newsroom/sign-in as `email`. */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto("/newsroom/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(STAFF_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/newsroom\/sign-in/);
}
