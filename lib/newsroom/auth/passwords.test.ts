import { describe, expect, it } from "vitest";
import { passwordProblem } from "./passwords";

describe("passwordProblem", () => {
  it("accepts a long passphrase", () => {
    expect(passwordProblem("correct horse battery staple", "ed@example.com")).toBeNull();
    expect(passwordProblem("Tq8#mZ2!vR4p", "ed@example.com")).toBeNull();
  });

  it("refuses short, repeated, common and email-like passwords with a reason", () => {
    expect(passwordProblem("short1!", "")).toMatch(/at least 12/);
    expect(passwordProblem("aaaaaaaaaaaa", "")).toMatch(/repeated/);
    expect(passwordProblem("abcabcabcabc", "")).toMatch(/repeated/);
    expect(passwordProblem("123456789012", "")).toMatch(/run of keys|repeated/);
    expect(passwordProblem("Password1234!", "")).toMatch(/common/);
    expect(passwordProblem("editor.kim2024", "editor.kim@example.com")).toMatch(/email/);
    expect(passwordProblem("x".repeat(257), "")).toMatch(/at most 256/);
  });
});
