import Link from "next/link";
import type { Role } from "@/lib/newsroom/roles";

type Props = {
  /** The signed-in staff member, or null on the sign-in page. */
  staff: { name: string; role: Role } | null;
  /** The Sign out button's Server Action. */
  signOut: () => Promise<void>;
};

const link =
  "underline-offset-4 hover:underline focus-visible:underline px-1 py-2 inline-block min-h-6";

/**
 * The newsroom's own masthead (not the public site's): its name, the navigation (Story desk,
 * Media, Accounts and Audit for admins, Account) and a Sign out button, a real form so it works
 * without JavaScript.
 */
export function NewsroomHeader({ staff, signOut }: Props) {
  return (
    <header className="border-b border-rule">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <p className="font-bold">
          <Link href="/newsroom" className={link}>
            Herald newsroom
          </Link>
        </p>
        {staff && (
          <nav aria-label="Newsroom" className="flex-1">
            <ul className="flex flex-wrap gap-x-4">
              <li>
                <Link href="/newsroom" className={link}>
                  Story desk
                </Link>
              </li>
              <li>
                <Link href="/newsroom/media" className={link}>
                  Media
                </Link>
              </li>
              {staff.role === "admin" && (
                <>
                  <li>
                    <Link href="/newsroom/accounts" className={link}>
                      Accounts
                    </Link>
                  </li>
                  <li>
                    <Link href="/newsroom/audit" className={link}>
                      Audit
                    </Link>
                  </li>
                </>
              )}
              <li>
                <Link href="/newsroom/account" className={link}>
                  Account
                </Link>
              </li>
            </ul>
          </nav>
        )}
        {staff && (
          <form action={signOut} className="flex items-center gap-3">
            <span className="text-muted">
              {staff.name} ({staff.role})
            </span>
            <button type="submit" className="rounded border border-rule px-3 py-2">
              Sign out
            </button>
          </form>
        )}
      </div>
    </header>
  );
}
