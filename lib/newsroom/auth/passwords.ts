import { MIN_PASSWORD_LENGTH } from "./options";

/** Passwords refused whatever their length: the commonest long ones and keyboard runs. */
const COMMON = [
  "password",
  "passw0rd",
  "123456",
  "qwerty",
  "letmein",
  "welcome",
  "admin",
  "iloveyou",
  "abc123",
  "herald",
  "newsroom",
];

/**
 * Why `password` is too weak for a newsroom account, or null when it will do: at least
 * MIN_PASSWORD_LENGTH (12) characters and at most 256; not one character or a short pattern
 * repeated; not mostly a well-known password or the account's own email. (Length is what
 * matters most: NIST SP 800-63B, 5.1.1.2.)
 */
export function passwordProblem(password: string, email = ""): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`;
  if (password.length > 256) return "The password must be at most 256 characters long.";
  const lower = password.toLowerCase();
  if (/^(.{1,4})\1+.{0,3}$/.test(lower))
    return "The password is one short pattern repeated; choose another.";
  if (/^(0123456789|1234567890|abcdefghijkl|qwertyuiop)/.test(lower))
    return "The password is a run of keys; choose another.";
  const local = email.split("@")[0]?.toLowerCase() ?? "";
  const rest = (word: string) => lower.replaceAll(word, "").replace(/[\d\W_]/g, "").length;
  if (local.length >= 4 && lower.includes(local) && rest(local) < 4)
    return "The password is too close to the email address.";
  if (COMMON.some((word) => lower.includes(word) && rest(word) < 4))
    return "The password is too common; choose another.";
  return null;
}
