import type { Metadata } from "next";
import { StandingPageView } from "@/components/layout/StandingPageView";
import { getStandingPage } from "@/lib/content/pages";
import { standingMetadata } from "@/lib/seo/page-metadata";
import { getPublication } from "@/lib/news";

const page = getStandingPage("subscribe");

/** Title, description, canonical URL and share card (lib/seo/page-metadata.ts). */
export async function generateMetadata(): Promise<Metadata> {
  return standingMetadata(page, "/subscribe", await getPublication());
}

/** The subscribe page, from content/pages.json. */
export default function SubscribePage() {
  return <StandingPageView page={page} />;
}
