import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { KstTime } from "@/components/ui/KstTime";
import { AUDIT_ACTION_NAMES as AUDIT_ACTIONS, readAudit } from "@/lib/newsroom/auth/audit";
import { requireStaff } from "@/lib/newsroom/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log" };

const PAGE_SIZE = 50;
const querySchema = z.object({
  before: z.coerce.number().int().positive().optional().catch(undefined),
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
});

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** /newsroom/audit (admins): the audit log, newest first, 50 a page, filtered by action. */
export default async function AuditPage({ searchParams }: Props) {
  await requireStaff("admin");
  const raw = await searchParams;
  const query = querySchema.parse({
    before: typeof raw.before === "string" ? raw.before : undefined,
    action: typeof raw.action === "string" ? raw.action : undefined,
  });
  const entries = await readAudit({
    before: query.before ?? null,
    limit: PAGE_SIZE,
    action: query.action,
  });
  const last = entries.at(-1);
  const older =
    entries.length === PAGE_SIZE && last
      ? `/newsroom/audit?${new URLSearchParams({ ...(query.action ? { action: query.action } : {}), before: String(last.id) })}`
      : null;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Audit log</h1>
      <form method="get" className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col">
          <label htmlFor="audit-action" className="font-semibold">
            Action
          </label>
          <select
            id="audit-action"
            name="action"
            defaultValue={query.action ?? ""}
            className="rounded border border-muted bg-paper px-3 py-2 text-ink"
          >
            <option value="">Every action</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded bg-accent px-4 py-2 font-semibold text-accent-ink">
          Show
        </button>
      </form>
      {entries.length === 0 ? (
        <p>No entries.</p>
      ) : (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Audit entries">
          <table className="w-full text-left">
            <thead>
              <tr>
                <th scope="col">When (KST)</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Story</th>
                <th scope="col">Address</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} className="border-t border-rule align-top">
                  <td>
                    <KstTime iso={entry.at} />
                  </td>
                  <td>{entry.actorEmail ?? "—"}</td>
                  <td>{entry.action}</td>
                  <td>{entry.articleId ?? ""}</td>
                  <td>{entry.address ?? ""}</td>
                  <td>
                    <code className="break-all">{JSON.stringify(entry.detail)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {older && (
        <p>
          <Link href={older} className="underline">
            Older entries
          </Link>
        </p>
      )}
    </div>
  );
}
