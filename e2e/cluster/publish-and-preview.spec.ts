import { expect, test } from "@playwright/test";
import {
  articlePath,
  idOf,
  clusterState,
  get,
  importStories,
  statusOf,
  tool,
  within,
} from "./support";

/**
 * What one instance is told reaches every instance and nginx (docs/deploy.md, "Several boxes"):
 * a story imported through instance A, then withdrawn through it, and an editor's preview
 * through nginx, which no reader may ever be served.
 */

/**
 * How long nginx may keep a page before asking again: s-maxage, 30 s from when it stored the
 * page (docs/decisions/035-nginx-revalidates-in-the-foreground.md), and a request's own time.
 */
const NGINX_WINDOW_MS = 30_000 + 3_000;

const story = (id: string, headline: string, minutesFromNow: number) => ({
  id,
  headline,
  standfirst: "A story the cluster test files through one instance and reads through all.",
  published: new Date(Date.now() + minutesFromNow * 60_000).toISOString(),
  body: ["Filed on one instance, read on the other and through the shared cache in front."],
  section: "national/politics",
  tags: ["Cluster"],
  author: "Herald test desk",
});

test.describe.configure({ mode: "serial" });

test("a story imported through A appears on B and through nginx; withdrawn, it is 410 everywhere", async () => {
  test.setTimeout(4 * NGINX_WINDOW_MS);
  const { nginx, instances } = clusterState();
  const [a, b] = instances.map((instance) => instance.url);
  const headline = `Cluster story ${Date.now()}`;
  const id = `cluster-${Date.now()}`;
  // B has answered the home page before, so its caches hold a copy without the story.
  expect((await get(`${b}/`)).status).toBe(200);

  const output = importStories([story(id, headline, -1)]);
  expect(output).toContain("1 inserted");
  expect(output).toContain("the running server shows the change now");
  const page = await articlePath(id);

  for (const origin of [a, b, nginx]) {
    await within(
      10_000,
      `the new story on ${origin}`,
      async () => (await statusOf(`${origin}${page}`)) === 200,
    );
  }
  await within(10_000, "the new story on B's home page", async () =>
    (await (await get(`${b}/`)).text()).includes(headline),
  );

  tool("withdraw", idOf(page));
  for (const origin of [a, b]) {
    await within(
      10_000,
      `410 on ${origin}`,
      async () => (await statusOf(`${origin}${page}`)) === 410,
    );
  }
  const took = await within(
    NGINX_WINDOW_MS + 10_000,
    "410 through nginx",
    async () => (await statusOf(`${nginx}${page}`)) === 410,
  );
  console.log(`cluster: the withdrawal reached nginx's readers in ${took} ms`);
  await within(
    10_000,
    "the withdrawn story gone from B's home page",
    async () => !(await (await get(`${b}/`)).text()).includes(headline),
  );
});

test("an editor's preview through nginx is never cached: a reader right after sees 404", async ({
  browser,
}) => {
  const { nginx } = clusterState();
  const headline = `Cluster preview ${Date.now()}`;
  const id = `cluster-preview-${Date.now()}`;
  importStories([story(id, headline, 120)]);
  const page = await articlePath(id);
  const link = tool("preview-link", idOf(page)).match(/https?:\/\/\S+/)?.[0];
  expect(link, "preview-link prints a URL").toBeDefined();

  const editor = await browser.newContext();
  const tab = await editor.newPage();
  await tab.goto(link!.replace(/^https?:\/\/[^/]+/, nginx));
  await expect(tab.getByRole("heading", { level: 1 })).toHaveText(headline);
  // The same URL again, as the editor: the preview is rendered afresh, never stored.
  await tab.reload();
  await expect(tab.getByRole("heading", { level: 1 })).toHaveText(headline);
  await editor.close();

  const reader = await get(`${nginx}${page}`);
  expect(reader.status).toBe(404);
  expect(await reader.text()).not.toContain(headline);
  for (const surface of ["/", "/rss.xml", "/national/politics"]) {
    expect(await (await get(`${nginx}${surface}`)).text()).not.toContain(headline);
  }
});
