import type { Metadata } from "next";
import { StandingPageView } from "@/components/layout/StandingPageView";
import { getStandingPage } from "@/lib/content/pages";

const page = getStandingPage("ombudsman");

export const metadata: Metadata = { title: page.title, alternates: { canonical: "/ombudsman" } };

/** The ombudsman page, from content/pages.json. */
export default function OmbudsmanPage() {
  return <StandingPageView page={page} />;
}
