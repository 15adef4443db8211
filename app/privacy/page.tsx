import type { Metadata } from "next";
import { StandingPageView } from "@/components/layout/StandingPageView";
import { getStandingPage } from "@/lib/content/pages";

const page = getStandingPage("privacy");

export const metadata: Metadata = { title: page.title, alternates: { canonical: "/privacy" } };

/** The privacy page, from content/pages.json. */
export default function PrivacyPage() {
  return <StandingPageView page={page} />;
}
