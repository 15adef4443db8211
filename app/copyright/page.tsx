import type { Metadata } from "next";
import { StandingPageView } from "@/components/layout/StandingPageView";
import { getPhotoCredits } from "@/lib/news";
import { getStandingPage } from "@/lib/content/pages";

const page = getStandingPage("copyright");

export const metadata: Metadata = { title: page.title, alternates: { canonical: "/copyright" } };

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
