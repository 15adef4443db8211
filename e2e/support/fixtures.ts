/**
 * Stories the end-to-end suite adds to its database besides the default content (loaded by
 * e2e/support/load-fixtures.ts before the build). Times are relative to the moment of loading,
 * so "published an hour ago" stays true on every run.
 */

/** A headline that must come out as text everywhere: HTML, JSON-LD, meta tags, feeds, sitemaps. */
export const HOSTILE_HEADLINE = `Q&A: "Seoul" </script><script>alert(1)</script> 한국 🇰🇷`;
export const HOSTILE_ID = "e2e-hostile-headline";

/** A story published an hour ago: fresh enough for the Google News sitemap (last 2 days). */
export const RECENT_ID = "e2e-recent-story";
/** The recent story's id on the publication's earlier site (/view.php?ud=…). */
export const RECENT_LEGACY_ID = "20211001000123";

/** A story withdrawn before the suite starts: its URL answers 410 Gone from the first request. */
export const WITHDRAWN_ID = "e2e-withdrawn-story";

export type Fixture = {
  id: string;
  headline: string;
  section: string;
  minutesAgo: number;
  body: string[];
  tags?: string[];
  standfirst?: string;
  legacyId?: string;
  /** Withdrawn once loaded (withdrawn_at set), as `npm run withdraw` would. */
  withdrawn?: boolean;
};

export const FIXTURES: Fixture[] = [
  {
    id: HOSTILE_ID,
    // Imported with a placeholder, then set verbatim in the database: the importer treats
    // headlines as plain text and would strip the tags, which is not what this story tests.
    headline: "Hostile headline placeholder",
    section: "national/politics",
    minutesAgo: 90,
    standfirst: `Quotes "double" and 'single', & ampersands, <b>tags</b>, 한국어 and emoji 🇰🇷.`,
    body: ["A story whose headline tries to break out of every context it is printed in."],
    tags: ["Q&A", "한국"],
  },
  {
    id: RECENT_ID,
    headline: "Herald end-to-end suite files a fresh story",
    section: "business/technology",
    minutesAgo: 30,
    body: ["This story was published half an hour before the suite started."],
    tags: ["Testing"],
    legacyId: RECENT_LEGACY_ID,
  },
  {
    id: WITHDRAWN_ID,
    headline: "Herald end-to-end suite withdraws a story",
    section: "national/defense",
    minutesAgo: 120,
    body: ["This story was withdrawn before the suite started."],
    withdrawn: true,
  },
];
