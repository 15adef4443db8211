import type { Metadata } from "next";
import { StandingPageView } from "@/components/layout/StandingPageView";
import { getStandingPage } from "@/lib/content/pages";

const page = getStandingPage("subscribe");

export const metadata: Metadata = { title: page.title, alternates: { canonical: "/subscribe" } };

/** The subscribe page, from content/pages.json. */
export default function SubscribePage() {
  return <StandingPageView page={page} />;
}
