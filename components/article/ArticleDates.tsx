import { KstTime } from "../ui/KstTime";

/**
 * "Published : Sept 16, 2021 - 21:17   Updated : Sept 16, 2021 - 21:17", in KST, exactly in the
 * publication's style (seed-publication.json, date_style). Both lines are always printed, as on the seed page.
 */
export function ArticleDates({
  publishedAt,
  updatedAt,
}: {
  publishedAt: string;
  updatedAt: string;
}) {
  return (
    <p className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-muted">
      <span>
        Published : <KstTime iso={publishedAt} />
      </span>
      <span>
        Updated : <KstTime iso={updatedAt} />
      </span>
    </p>
  );
}
