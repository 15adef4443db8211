import { describe, expect, it } from "vitest";
import { isCrawler } from "./crawlers";

const CHROME_DESKTOP =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
const IPHONE_SAFARI =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const FIREFOX_MAC =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:127.0) Gecko/20100101 Firefox/127.0";
const ANDROID_CHROME =
  "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.122 Mobile Safari/537.36";

describe("isCrawler", () => {
  it.each([
    ["Googlebot", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"],
    ["bingbot", "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)"],
    [
      "facebookexternalhit",
      "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    ],
    ["curl", "curl/8.4.0"],
    ["python-requests", "python-requests/2.31.0"],
    ["Slackbot", "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)"],
    ["HeadlessChrome", CHROME_DESKTOP.replace("Chrome/", "HeadlessChrome/")],
  ])("is true for %s", (_name, userAgent) => {
    expect(isCrawler(userAgent)).toBe(true);
  });

  it("is true for a missing or empty User-Agent", () => {
    expect(isCrawler("")).toBe(true);
    expect(isCrawler("   ")).toBe(true);
    expect(isCrawler(null)).toBe(true);
    expect(isCrawler(undefined)).toBe(true);
  });

  it.each([
    ["desktop Chrome", CHROME_DESKTOP],
    ["iPhone Safari", IPHONE_SAFARI],
    ["Firefox on a Mac", FIREFOX_MAC],
    ["Chrome on Android", ANDROID_CHROME],
    [
      "Chrome on a Cubot phone",
      "Mozilla/5.0 (Linux; Android 10; CUBOT X30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36",
    ],
  ])("is false for %s", (_name, userAgent) => {
    expect(isCrawler(userAgent)).toBe(false);
  });
});
