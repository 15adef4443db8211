import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_SECTION, sectionForStory } from "./section-rules";

type CorpusRecord = { headline: string; categories?: string[] };

const corpus: CorpusRecord[] = fs
  .readFileSync(path.join(process.cwd(), "content", "news-corpus.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as CorpusRecord);

function corpusRecord(headline: string): CorpusRecord {
  const record = corpus.find((r) => r.headline === headline);
  if (!record) throw new Error(`not in content/news-corpus.jsonl: ${headline}`);
  return record;
}

describe("sectionForStory", () => {
  it.each([
    ["North Korea puts military in 'quasi-state of war'", "national/north-korea"],
    ["Eliud Kipchoge of Kenya runs marathon under two hours", "sports/more-sports"],
    ["Brazilian President meets President of South Korea", "national/foreign-affairs"],
    ["Tributes paid to recently deceased US actor Chadwick Boseman", "entertainment/film"],
    ["Australian children suffering from iodine deficiency", "life-style/health"],
    // Health comes before science: a mathematician who died of COVID-19 is a health story.
    [
      "English mathematician John Horton Conway dies after contracting COVID-19",
      "life-style/health",
    ],
    // Nothing matches: World / World News.
    ["Hundreds dead in Hajj stampede", "world/world-news"],
    ["Sultan Qaboos of Oman dies", "world/world-news"],
  ])("files the corpus story %j under %s", (headline, expected) => {
    const record = corpusRecord(headline);
    expect(sectionForStory(record.headline, record.categories)).toBe(expected);
  });

  it("reads the Wikinews categories as well as the headline", () => {
    const headline =
      "Iranian International Master Dorsa Derakhshani discusses her chess career with Wikinews";
    expect(sectionForStory(headline, corpusRecord(headline).categories)).toBe("sports/more-sports");
    expect(sectionForStory("Talks end without a deal", ["Science and technology"])).toBe(
      "national/science",
    );
    expect(sectionForStory("Talks end without a deal", [])).toBe("world/world-news");
  });

  it("puts Korea first, before the narrow beats", () => {
    expect(sectionForStory("Pyongyang hosts a marathon")).toBe("national/north-korea");
    expect(sectionForStory("Seoul marathon draws record field")).toBe("national/social-affairs");
  });

  it("falls back to World / World News for an unmatched headline", () => {
    expect(DEFAULT_SECTION).toBe("world/world-news");
    expect(sectionForStory("Local council approves new bridge")).toBe("world/world-news");
    expect(sectionForStory("")).toBe("world/world-news");
  });
});
