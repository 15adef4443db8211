import type { PreviewLinksPanel } from "@/lib/newsroom/preview-links";
import { formatKstDateTime } from "@/lib/format/date";
import { KstTime } from "../ui/KstTime";

type Props = PreviewLinksPanel & {
  /** The Server Action "Share preview" posts to (app/newsroom/stories/[id]/preview-actions.ts). */
  share: (form: FormData) => Promise<void>;
  /** The Server Action each "Revoke" button posts to. */
  revoke: (form: FormData) => Promise<void>;
};

const VALIDITY = [
  { hours: 1, label: "1 hour" },
  { hours: 24, label: "24 hours" },
  { hours: 72, label: "3 days" },
  { hours: 168, label: "7 days" },
] as const;

const STATE_LABEL = { active: "Active", expired: "Expired", revoked: "Revoked" } as const;

/**
 * A story's shareable preview links (issue 17, "Share preview"): a table of its links (made by,
 * when, expires, state: active, expired or revoked) with a "Revoke" button on each active one,
 * a "Share preview" form with the validity (1 hour, 24 hours (default), 3 days, 7 days) and,
 * once a link is made, its URL in a read-only field to copy. Plain forms posting to Server
 * Actions: works without JavaScript. Editors and admins share and revoke; a writer sees the list.
 */
export function PreviewLinks({ articleId, links, canShare, madeUrl, share, revoke }: Props) {
  return (
    <section id="preview-links" aria-labelledby="preview-links-heading" className="my-6">
      <h2 id="preview-links-heading" className="text-xl font-bold">
        Preview links
      </h2>
      {madeUrl && (
        <div role="status" className="my-3 border border-ink p-3">
          <label htmlFor="preview-link-url" className="block font-semibold">
            Preview link made. Copy it now: the list below does not show it again.
          </label>
          <input
            id="preview-link-url"
            type="text"
            readOnly
            value={madeUrl}
            className="mt-2 w-full border border-ink px-2 py-1 font-mono text-sm"
          />
        </div>
      )}
      {canShare && (
        <form action={share} className="my-3 flex flex-wrap items-end gap-3">
          <input type="hidden" name="articleId" value={articleId} />
          <div>
            <label htmlFor="preview-link-hours" className="block font-semibold">
              Valid for
            </label>
            <select
              id="preview-link-hours"
              name="hours"
              defaultValue="24"
              className="min-h-11 border border-ink px-2"
            >
              {VALIDITY.map((v) => (
                <option key={v.hours} value={String(v.hours)}>
                  {v.label}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="min-h-11 border border-ink px-4 font-semibold">
            Share preview
          </button>
        </form>
      )}
      {links.length === 0 ? (
        <p>No preview links yet.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Preview links of this story, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Made by</th>
              <th scope="col">Made</th>
              <th scope="col">Expires</th>
              <th scope="col">State</th>
              {canShare && (
                <th scope="col">
                  <span className="sr-only">Action</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {links.map((link) => (
              <tr key={link.id}>
                <td>
                  {link.createdBy === null
                    ? "npm run preview-link"
                    : (link.createdByName ?? "A staff member")}
                </td>
                <td>
                  <KstTime iso={link.createdAt} /> KST
                </td>
                <td>
                  <KstTime iso={link.expiresAt} /> KST
                </td>
                <td>
                  {STATE_LABEL[link.state]}
                  {link.revision !== null && ` (revision ${link.revision})`}
                </td>
                {canShare && (
                  <td>
                    {link.state === "active" && (
                      <form action={revoke}>
                        <input type="hidden" name="articleId" value={articleId} />
                        <input type="hidden" name="linkId" value={link.id} />
                        <button
                          type="submit"
                          className="min-h-11 border border-ink px-3"
                          aria-label={`Revoke the link made ${formatKstDateTime(link.createdAt)} KST`}
                        >
                          Revoke
                        </button>
                      </form>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
