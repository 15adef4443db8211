import type { Metadata } from "next";
import { StandingPageView } from "@/components/layout/StandingPageView";
import { getPhotoCredits, getPublication } from "@/lib/news";
import { getStandingPage } from "@/lib/content/pages";
import { standingMetadata } from "@/lib/seo/page-metadata";

const page = getStandingPage("copyright");

/** Title, description, canonical URL and share card (lib/seo/page-metadata.ts). */
export async function generateMetadata(): Promise<Metadata> {
  return standingMetadata(page, "/copyright", await getPublication());
}

/** The copyright policy, with the credit, licence and source of every photograph the site uses. */
export default async function CopyrightPage() {
  const photos = await getPhotoCredits();
  return (
    <StandingPageView page={page}>
      <h2 className="mt-10 mb-4 font-serif text-2xl font-bold">Photographs</h2>
      <ul className="space-y-3">
        {photos.map((photo) => (
          <li key={photo.id} className="border-b border-rule pb-3">
            <p>{photo.caption}</p>
            <p className="text-sm text-muted">
              {photo.credit}. Licence: {photo.licence}
              {photo.licence.startsWith("CC BY") && "; resized from the original"}. Source:{" "}
              {photo.source}.
            </p>
          </li>
        ))}
      </ul>
    </StandingPageView>
  );
}
