import type { Metadata } from "next";
import { StandingPageView } from "@/components/layout/StandingPageView";
import { getStandingPage } from "@/lib/content/pages";
import { standingMetadata } from "@/lib/seo/page-metadata";
import { getPublication } from "@/lib/news";

const page = getStandingPage("privacy");

/** Title, description, canonical URL and share card (lib/seo/page-metadata.ts). */
export async function generateMetadata(): Promise<Metadata> {
  return standingMetadata(page, "/privacy", await getPublication());
}

/** The privacy page, from content/pages.json. */
export default function PrivacyPage() {
  return <StandingPageView page={page} />;
}
