import fs from "node:fs";

/** One reading of the server's memory during a crawl. */
export type CrawlSample = { articles: number; rssMb: number; seconds: number };

/** What a crawl saw: memory samples, answers by status, and whether the server died. */
export type CrawlResult = {
  samples: CrawlSample[];
  statuses: Record<number, number>;
  /** Requests that got no answer (connection refused or reset). */
  failures: number;
  died: boolean;
};

/**
 * Resident memory of process `pid` in MB, from /proc (Linux), or NaN when it has exited.
 * VmRSS counts the JavaScript heap, buffers outside it and native memory alike.
 */
export function residentMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
    return Math.round(kb / 1024);
  } catch {
    return Number.NaN;
  }
}

/**
 * Crawls `paths` on `baseUrl` as a search engine does, `concurrency` requests at a time, each
 * path once, reading the body of every answer, and samples the resident memory of the server
 * process `pid` every `sampleEvery` answers (and at the start and end). Stops early when the
 * server dies. Never throws for a failed request: it is counted.
 */
export async function crawl(options: {
  baseUrl: string;
  paths: string[];
  pid: number;
  concurrency?: number;
  sampleEvery?: number;
  onSample?: (sample: CrawlSample) => void;
}): Promise<CrawlResult> {
  const { baseUrl, paths, pid, concurrency = 8, sampleEvery = 1000 } = options;
  const started = performance.now();
  const samples: CrawlSample[] = [];
  const statuses: Record<number, number> = {};
  let failures = 0;
  let done = 0;
  let next = 0;
  let died = false;
  const sample = () => {
    const reading = {
      articles: done,
      rssMb: residentMb(pid),
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
    samples.push(reading);
    options.onSample?.(reading);
  };
  sample();
  const worker = async () => {
    while (!died && next < paths.length) {
      const path = paths[next++]!;
      try {
        const response = await fetch(`${baseUrl}${path}`, {
          redirect: "manual",
          headers: { "accept-encoding": "gzip, deflate, br", "user-agent": "HeraldCrawlTest/1.0" },
        });
        await response.arrayBuffer();
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      } catch {
        failures++;
        if (Number.isNaN(residentMb(pid))) died = true;
      }
      done++;
      if (done % sampleEvery === 0) sample();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  if (done % sampleEvery !== 0) sample();
  return { samples, statuses, failures, died };
}

/**
 * Every article path the site's sitemaps list, as a search engine finds them: the sitemap
 * index, then each article sitemap it names.
 */
export async function sitemapArticlePaths(baseUrl: string): Promise<string[]> {
  const locations = async (url: string) =>
    [...(await (await fetch(url)).text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map(
      (m) => new URL(m[1]!).pathname,
    );
  const paths: string[] = [];
  for (const sitemap of await locations(`${baseUrl}/sitemap.xml`)) {
    if (!sitemap.startsWith("/sitemaps/articles/")) continue;
    paths.push(
      ...(await locations(`${baseUrl}${sitemap}`)).filter((p) => p.startsWith("/article/")),
    );
  }
  return [...new Set(paths)];
}

/**
 * Whether memory levelled off: the highest reading of the crawl's second half is at most
 * `slack` (a fraction) above the highest of its first half, plus `marginMb` for noise.
 */
export function levelsOff(samples: CrawlSample[], slack = 0.2, marginMb = 64): boolean {
  const last = samples.at(-1)?.articles ?? 0;
  const firstHalf = samples.filter((s) => s.articles > 0 && s.articles <= last / 2);
  const secondHalf = samples.filter((s) => s.articles > last / 2);
  if (firstHalf.length === 0 || secondHalf.length === 0) return false;
  const peak = (list: CrawlSample[]) => Math.max(...list.map((s) => s.rssMb));
  return peak(secondHalf) <= peak(firstHalf) * (1 + slack) + marginMb;
}
