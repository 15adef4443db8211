/**
 * The rule that files an imported story without a `section` under one of our sections.
 *
 * Most Wikinews records carry no category, so Herald assigns sections itself (this is the
 * site's own choice, not source data). The rule reads the headline and any Wikinews categories
 * and takes the FIRST matching line below, top to bottom; a story that matches none is World /
 * World News (Wikinews is mostly international news). Order matters: Korea before everything,
 * then the narrow beats (sport, technology, entertainment, health, science, business) before the
 * broad ones. Documented in docs/content.md, "How imported stories get a section".
 */
export const SECTION_RULES: ReadonlyArray<{ section: string; pattern: RegExp }> = [
  { section: "national/north-korea", pattern: /\bNorth Korea|Pyongyang|\bKim Jong/i },
  {
    section: "national/foreign-affairs",
    pattern:
      /\bSouth Korea\b.*\b(President|Minister|diplomat)|\b(President|Minister)\b.*\bSouth Korea/i,
  },
  { section: "national/social-affairs", pattern: /\bSouth Korea|\bSeoul\b|\bKorean?\b/i },
  { section: "sports/soccer", pattern: /\bFIFA\b|World Cup|\bfootball|\bsoccer/i },
  { section: "sports/baseball", pattern: /\bbaseball|\bMLB\b/i },
  { section: "sports/golf", pattern: /\bgolf/i },
  {
    section: "sports/more-sports",
    pattern:
      /\bmarathon|\bhurdles|\brugby|\btennis|\bbasketball|\bNational Basketball|\bchess|\bwrestl|\bOlympic|\bWorld Championships|\bSports\b/i,
  },
  {
    section: "business/technology",
    pattern:
      /\bMicrosoft|\bFacebook|\bGitHub|\bRed Hat|\bCentOS|\bLinux|\bInternet\b|\bhackers?\b|\bsoftware|\bDRM\b|\byoutube-dl/i,
  },
  { section: "entertainment/esports", pattern: /\bvideo game|\bgame developer|\besports/i },
  {
    section: "entertainment/music",
    pattern:
      /\bmusic|\bband\b|\bBand Aid|\bsinger|\bsongwriter|\bdrummer|\bguitarist|\brock\b|\bRIAA/i,
  },
  {
    section: "entertainment/film",
    pattern: /\bfilm\b|\bactor\b|\bmovie|\bpremiere|\bmockumentary|\bNetflix|\bHollywood/i,
  },
  { section: "entertainment/television", pattern: /\btelevision|\bTV\b|\bradio host/i },
  {
    section: "life-style/health",
    pattern:
      /\bCOVID|\bcoronavirus|\bSARS-CoV|\bEbola|\bmeasles|\bvaccin|\bHIV\b|\biodine|\bsuperbug|\bE\. coli|\bhomeopath|\bHealth\b|\bpandemic|\bface coverings/i,
  },
  {
    section: "life-style/culture",
    pattern:
      /\bfestival|\bComicon|\bFan Expo|\bAnime\b|\bFurnal|\bconvention\b|\bHaunters|\bMaker Faire|\bexhibit|\bpop culture|\bCulture and entertainment/i,
  },
  {
    section: "national/science",
    pattern:
      /\bscientist|\bstudy\b|\bstudies\b|\bastronom|\bexoplanet|\bNASA\b|\bSpaceX|\bspace station|\bspaceflight|\bcosmonaut|\bdinosaur|\bNeanderthal|\bresearchers?\b|\bplanetary|\bblack hole|\bfossil|\bNobel Prize|\bmathematician|\bneuroscien|\barchaeolog|\barchæolog|\bScience and technology/i,
  },
  { section: "business/market", pattern: /\bSensex|\bstock market|\bStock exchange|\bshares\b/i },
  {
    section: "business/transport",
    pattern: /\bRailway|\bairline|\bMahan Air|\bflying to\b|\bpublic transport/i,
  },
  {
    section: "world/world-business",
    pattern:
      /\bacquires|\bsupermarket|\bstores\b|\bfree trade|\bpipeline|\bemissions testing|\bEconomy and business/i,
  },
];

/** The section used when no rule matches. */
export const DEFAULT_SECTION = "world/world-news";

/**
 * Picks a section path ("national/science") for a story from its headline and Wikinews
 * categories, by {@link SECTION_RULES}. Never throws; returns {@link DEFAULT_SECTION} when nothing matches.
 */
export function sectionForStory(headline: string, categories: readonly string[] = []): string {
  const text = [headline, ...categories].join(" · ");
  return SECTION_RULES.find((rule) => rule.pattern.test(text))?.section ?? DEFAULT_SECTION;
}
