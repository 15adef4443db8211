import type { Metadata } from "next";
import { MediaLibraryView } from "@/components/newsroom/MediaLibraryView";
import { mediaLibrary } from "@/lib/newsroom/media";
import { uploadNotice } from "@/lib/newsroom/media-page";
import { requireStaff } from "@/lib/newsroom/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "Media library",
  robots: { index: false, follow: false, nocache: true },
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * /newsroom/media (any staff): the uploaded photos, newest first, searchable by alt text, caption
 * and credit, and an upload form that works without JavaScript (it posts to
 * /newsroom/api/photos, which sends the browser back here with the outcome: lib/newsroom/media-page.ts).
 */
export default async function MediaPage({ searchParams }: Props) {
  const staff = await requireStaff("writer");
  const query = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const library = await mediaLibrary(staff, { page: first(query.page), words: first(query.words) });
  return <MediaLibraryView library={library} notice={uploadNotice(query)} />;
}
