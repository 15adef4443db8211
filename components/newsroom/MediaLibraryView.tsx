import Image from "next/image";
import Link from "next/link";
import type { LibraryPage } from "@/lib/newsroom/photo-choice";

const field = "rounded border border-muted bg-paper px-3 py-2 text-ink";
const button = "rounded bg-accent px-4 py-2 font-semibold text-accent-ink";

/** The media page's address for a page and search words. */
function pageHref(page: number, words: string): string {
  const query = new URLSearchParams();
  if (words) query.set("words", words);
  if (page > 1) query.set("page", String(page));
  const search = query.toString();
  return `/newsroom/media${search ? `?${search}` : ""}`;
}

/**
 * The media library page (/newsroom/media): what the last upload came to (`notice`, worded by
 * lib/newsroom/media-page.ts), the upload form (a plain multipart form to /newsroom/api/photos,
 * so it works without JavaScript; alt text and credit required), a search form, and a grid of
 * photos with their alt text, caption, credit and licence, paged.
 */
export function MediaLibraryView({
  library,
  notice,
}: {
  library: LibraryPage;
  notice: { kind: "uploaded"; imageId: number } | { kind: "refused"; message: string } | null;
}) {
  const { photos, page, words, total, hasMore } = library;
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Media library</h1>

      {notice?.kind === "uploaded" && (
        <p role="status" className="rounded border border-muted p-3">
          Photo uploaded. It is first in the library below.
        </p>
      )}
      {notice?.kind === "refused" && (
        <p
          role="alert"
          id="upload-error"
          className="rounded border-2 border-accent p-3 font-semibold"
        >
          The photo was not uploaded: {notice.message}
        </p>
      )}

      <section aria-labelledby="upload-heading" className="flex flex-col gap-3">
        <h2 id="upload-heading" className="text-xl font-bold">
          Upload a photo
        </h2>
        <p className="text-sm">
          JPEG, PNG, WebP or AVIF, up to 20 MB. The photo is re-encoded and its metadata (camera,
          location) removed before it is stored.
        </p>
        <form
          method="post"
          action="/newsroom/api/photos"
          encType="multipart/form-data"
          className="grid gap-3 sm:max-w-xl"
          aria-describedby={notice?.kind === "refused" ? "upload-error" : undefined}
        >
          <div className="flex flex-col gap-1">
            <label htmlFor="photo-file" className="font-semibold">
              Photo file
            </label>
            <input
              id="photo-file"
              name="file"
              type="file"
              required
              accept="image/jpeg,image/png,image/webp,image/avif"
            />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="photo-alt" className="font-semibold">
              Alt text (required)
            </label>
            <input id="photo-alt" name="alt" required maxLength={300} className={field} />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="photo-caption" className="font-semibold">
              Caption
            </label>
            <input id="photo-caption" name="caption" maxLength={500} className={field} />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="photo-credit" className="font-semibold">
              Credit (required)
            </label>
            <input id="photo-credit" name="credit" required maxLength={120} className={field} />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="photo-licence" className="font-semibold">
              Licence
            </label>
            <input
              id="photo-licence"
              name="licence"
              maxLength={200}
              placeholder="All rights reserved"
              className={field}
            />
          </div>
          <button type="submit" className={`${button} justify-self-start`}>
            Upload
          </button>
        </form>
      </section>

      <section aria-labelledby="library-heading" className="flex flex-col gap-3">
        <h2 id="library-heading" className="text-xl font-bold">
          Photos
        </h2>
        <form method="get" role="search" className="flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-1">
            <label htmlFor="media-words" className="font-semibold">
              Search alt text, caption and credit
            </label>
            <input
              id="media-words"
              name="words"
              type="search"
              defaultValue={words}
              className={field}
            />
          </div>
          <button type="submit" className={button}>
            Search
          </button>
        </form>
        <p>
          {total === 0
            ? words
              ? "No photo matches."
              : "No photos uploaded yet."
            : `${total} photo${total === 1 ? "" : "s"}`}
        </p>
        {photos.length > 0 && (
          <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
            {photos.map((photo) => (
              <li key={photo.imageId}>
                <figure className="flex flex-col gap-1">
                  <Image
                    src={photo.src}
                    alt={photo.alt}
                    width={photo.width}
                    height={photo.height}
                    sizes="(min-width: 1024px) 240px, 50vw"
                    className="aspect-[3/2] w-full bg-rule/40 object-cover"
                  />
                  <figcaption className="text-sm">
                    {photo.caption && <span className="block">{photo.caption}</span>}
                    <span className="block font-semibold">{photo.credit}</span>
                    <span className="block text-muted">
                      {photo.licence} · photo {photo.imageId}
                    </span>
                  </figcaption>
                </figure>
              </li>
            ))}
          </ul>
        )}
        <nav aria-label="Pages of photos" className="flex gap-4">
          {page > 1 && <Link href={pageHref(page - 1, words)}>Newer photos</Link>}
          {hasMore && <Link href={pageHref(page + 1, words)}>Older photos</Link>}
        </nav>
      </section>
    </div>
  );
}
