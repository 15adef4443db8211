import { expect, test, type APIRequestContext } from "@playwright/test";
import { articleByExternalId } from "../support/content";
import { openE2eDatabase, type E2eDatabase } from "../support/database";

/**
 * Stories that change state while the site runs. These run after every other spec (the "clock"
 * project in playwright.config.ts), since they change what fronts, rails and feeds list.
 * The database is written directly, as an editor's tool would; no cache is purged.
 */
function write<T>(change: (db: E2eDatabase) => T): T {
  const db = openE2eDatabase({ readonly: false });
  try {
    return change(db);
  } finally {
    db.close();
  }
}

/** Polls `check` every 3 s until it returns true or `ms` pass; returns whether it did. */
async function eventually(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 3_000));
  }
  return check();
}

const status = async (request: APIRequestContext, path: string) =>
  (await request.get(path, { maxRedirects: 0 })).status();

test.describe.configure({ mode: "serial", timeout: 180_000 });

test("a story scheduled a few seconds ahead appears to readers on its own, within a minute of its time", async ({
  request,
}) => {
  const publishAt = Date.now() + 10_000;
  const { id, slug } = write((db) => {
    const section = db
      .prepare(
        "select s.id from sections s join sections p on p.id = s.parent_id where p.slug = 'topics' and s.slug = 'global-insight'",
      )
      .get() as { id: number };
    const slug = "scheduled-story-goes-live-by-itself";
    db.prepare(
      `insert into articles (external_id, slug, headline, standfirst, body_json, section_id, status, published_at, updated_at)
         values ('e2e-scheduled-soon', ?, 'Scheduled story goes live by itself', '', ?, ?, 'scheduled', ?, ?)`,
    ).run(
      slug,
      JSON.stringify([{ type: "paragraph", text: "Nobody pressed a button." }]),
      section.id,
      new Date(publishAt).toISOString(),
      new Date(publishAt).toISOString(),
    );
    const row = db
      .prepare("select id from articles where external_id = 'e2e-scheduled-soon'")
      .get() as { id: number };
    return { id: row.id, slug };
  });
  const path = `/article/${id}/${slug}`;
  expect(await status(request, path)).toBe(404);
  expect(await (await request.get("/topics/global-insight")).text()).not.toContain(path);

  await new Promise((resolve) => setTimeout(resolve, Math.max(0, publishAt - Date.now())));
  const started = Date.now();
  expect(await eventually(async () => (await status(request, path)) === 200, 75_000)).toBe(true);
  expect(
    await eventually(
      async () => (await (await request.get("/topics/global-insight")).text()).includes(path),
      75_000,
    ),
  ).toBe(true);
  expect(
    await eventually(
      async () => (await (await request.get("/api/rails/latest")).text()).includes(path),
      75_000,
    ),
  ).toBe(true);
  console.log(
    `scheduled story visible ${Math.round((Date.now() - started) / 1000)} s after its time`,
  );
});

test("a withdrawn story answers 410 and leaves fronts, feeds and sitemaps", async ({ request }) => {
  const story = articleByExternalId(
    "wikinews-20150821-north-korea-puts-military-in-quasi-state-of-war",
  );
  expect(await status(request, story.path)).toBe(200);
  expect(await (await request.get("/rss/national/north-korea.xml")).text()).toContain(story.path);
  write((db) =>
    db
      .prepare("update articles set withdrawn_at = ? where id = ?")
      .run(new Date().toISOString(), story.id),
  );

  expect(await eventually(async () => (await status(request, story.path)) === 410, 75_000)).toBe(
    true,
  );
  expect(await status(request, `/article/${story.id}`)).toBe(410);
  const encoded = [...String(story.id)].map((d) => `%3${d}`).join("");
  expect(await status(request, `/article/${encoded}/${story.slug}`)).toBe(410);
  const gone = async () => {
    const [front, feed, month] = await Promise.all([
      request.get("/national/north-korea").then((r) => r.text()),
      request.get("/rss/national/north-korea.xml").then((r) => r.text()),
      request
        .get("/sitemaps/articles/2015-08.xml")
        .then(async (r) => (r.status() === 404 ? "" : r.text())),
    ]);
    return ![front, feed, month].some((text) => text.includes(story.path));
  };
  expect(await eventually(gone, 75_000)).toBe(true);
});
