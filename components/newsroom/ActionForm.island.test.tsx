import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, test, vi } from "vitest";
import type { FormState } from "@/lib/newsroom/form-state";
import { ActionForm } from "./ActionForm.island";

describe("ActionForm", () => {
  test("posts its fields by keyboard and shows the error the action returns", async () => {
    const action = vi.fn<(state: FormState, form: FormData) => Promise<FormState>>(async () => ({
      error: "There is already an account for kim@example.com.",
    }));
    render(
      <ActionForm action={action} submitLabel="Create account">
        <label htmlFor="e">Email</label>
        <input id="e" name="email" />
      </ActionForm>,
    );
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Email"), "kim@example.com{Enter}");
    expect(await screen.findByRole("alert")).toHaveTextContent("already an account");
    expect(action.mock.calls[0]![1].get("email")).toBe("kim@example.com");
  });

  test("shows a notice and details as text", async () => {
    const action = vi.fn<(state: FormState, form: FormData) => Promise<FormState>>(async () => ({
      notice: "Scan this in your authenticator app.",
      details: [{ label: "Setup key", value: "JBSWY3DPEHPK3PXP" }],
    }));
    render(<ActionForm action={action} submitLabel="Turn on two-factor" />);
    await userEvent.setup().click(screen.getByRole("button", { name: "Turn on two-factor" }));
    expect(await screen.findByRole("status")).toHaveTextContent("authenticator");
    expect(screen.getByText("JBSWY3DPEHPK3PXP")).toBeInTheDocument();
  });
});
