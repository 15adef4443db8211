import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, test, vi } from "vitest";
import type { SignInState } from "@/lib/newsroom/auth/sign-in-state";
import { SignInForm } from "./SignInForm.island";

const start: SignInState = { step: "password", error: null, email: "" };

describe("SignInForm", () => {
  test("asks for email and password, posts them by keyboard, and shows the refusal", async () => {
    const action = vi.fn(async (_: SignInState, form: FormData): Promise<SignInState> => ({
      step: "password",
      error: "The email or password is not right.",
      email: String(form.get("email")),
    }));
    render(<SignInForm action={action} next="/newsroom/audit" initial={start} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Email"), "ed@example.com");
    await user.type(screen.getByLabelText("Password"), "wrong password{Enter}");
    expect(await screen.findByRole("alert")).toHaveTextContent("not right");
    const form = action.mock.calls[0]![1];
    expect(form.get("email")).toBe("ed@example.com");
    expect(form.get("next")).toBe("/newsroom/audit");
    expect(screen.getByLabelText("Email")).toHaveValue("ed@example.com");
    expect(screen.getByLabelText("Password")).toHaveAttribute("aria-describedby", "sign-in-error");
  });

  test("asks for the code, and only the code, when two-factor is on", async () => {
    const action = vi.fn<(state: SignInState, form: FormData) => Promise<SignInState>>(
      async () => ({ step: "done" }),
    );
    render(
      <SignInForm
        action={action}
        next="/newsroom"
        initial={{ step: "code", error: null, email: "ad@example.com" }}
      />,
    );
    expect(screen.queryByLabelText("Password")).toBeNull();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Code"), "123456");
    await user.click(screen.getByRole("button", { name: "Verify code" }));
    const form = action.mock.calls[0]![1];
    expect(form.get("code")).toBe("123456");
    expect(form.get("step")).toBe("code");
    expect(form.get("email")).toBe("ad@example.com");
  });
});
