import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTempDb, type TempDb } from "../news/test-support/temp-db";
import { mediaLibrary, uploadPhoto, withPhotoSources, type MediaDeps } from "./media";
import { emptyStory } from "./story-content";

vi.mock("server-only", () => ({}));

let temp: TempDb;
let deps: MediaDeps & { refresh: ReturnType<typeof vi.fn> };
beforeAll(async () => {
  temp = await createTempDb({ backend: "sqlite", inMemory: true });
  deps = {
    store: async () => temp.store.newsroom(),
    now: () => new Date("2026-12-10T01:02:03.000Z"),
    refresh: vi.fn(async (tags) => ({ refreshed: "here" as const, tags })),
  };
});
afterAll(() => temp.destroy());

const writer = { id: "w1", email: "writer@example.com", role: "writer" as const };
const fields = { alt: "Rain on Seoul", caption: "Umbrellas <img onerror=x>", credit: "Herald" };

async function jpegFile(name = "rain.jpg") {
  const bytes = await sharp({
    create: { width: 64, height: 40, channels: 3, background: "#336699" },
  })
    .jpeg()
    .toBuffer();
  return new File([new Uint8Array(bytes)], name, { type: "image/jpeg" });
}

async function countPhotos() {
  return (await temp.store.newsroom().mediaLibrary({ page: 1, perPage: 100, words: "" })).total;
}

describe("uploadPhoto", () => {
  it("stores a photo, logs photo-uploaded and refreshes the photographs' tag", async () => {
    const outcome = await uploadPhoto(writer, await jpegFile(), fields, {
      address: "10.1.2.3",
      deps,
    });
    if (!outcome.ok) throw new Error(outcome.error);
    const { photo } = outcome;
    expect(photo).toEqual({
      imageId: photo.imageId,
      src: `/media/${photo.imageId}/photo-${photo.imageId}.jpg`,
      width: 64,
      height: 40,
      alt: "Rain on Seoul",
      caption: "Umbrellas <img onerror=x>",
      credit: "Herald",
    });
    expect((await temp.store.newsroom().photo(photo.imageId))?.licence).toBe("All rights reserved");
    const [entry] = await temp.store.newsroom().auditLog({ before: null, limit: 1 });
    expect(entry).toMatchObject({
      action: "photo-uploaded",
      actorId: "w1",
      actorEmail: "writer@example.com",
      at: "2026-12-10T01:02:03.000Z",
      address: "10.1.2.3",
      detail: { imageId: photo.imageId, name: "rain.jpg" },
    });
    expect(deps.refresh).toHaveBeenCalledWith(["images"]);
  });

  it("refuses missing alt text or credit with 400 and the field, storing nothing", async () => {
    const before = await countPhotos();
    expect(
      await uploadPhoto(writer, await jpegFile(), { ...fields, alt: "  " }, { deps }),
    ).toMatchObject({ ok: false, status: 400, field: "alt" });
    expect(
      await uploadPhoto(writer, await jpegFile(), { alt: "x", caption: "" }, { deps }),
    ).toMatchObject({ ok: false, status: 400, field: "credit" });
    expect(await uploadPhoto(writer, null, fields, { deps })).toMatchObject({
      ok: false,
      status: 400,
      field: "file",
    });
    expect(await countPhotos()).toBe(before);
  });

  it("refuses 25 MB (413), a text file named .jpg and an SVG (415), storing nothing", async () => {
    const before = await countPhotos();
    const huge = new File([new Uint8Array(25 * 1024 * 1024)], "huge.jpg", { type: "image/jpeg" });
    const big = await uploadPhoto(writer, huge, fields, { deps });
    expect(big).toMatchObject({ ok: false, status: 413, field: "file" });
    if (!big.ok) expect(big.error).toMatch(/20 MB/);
    const text = new File(["just some words, not a photo at all"], "notes.jpg", {
      type: "image/jpeg",
    });
    expect(await uploadPhoto(writer, text, fields, { deps })).toMatchObject({ status: 415 });
    const svg = new File(['<svg xmlns="http://www.w3.org/2000/svg"/>'], "logo.svg", {
      type: "image/svg+xml",
    });
    expect(await uploadPhoto(writer, svg, fields, { deps })).toMatchObject({ status: 415 });
    expect(await countPhotos()).toBe(before);
  });
});

describe("mediaLibrary", () => {
  it("pages newest first, and reads a malformed page as page 1", async () => {
    await uploadPhoto(writer, await jpegFile(), { ...fields, alt: "Second photo" }, { deps });
    const library = await mediaLibrary(writer, { page: "abc", words: "" }, deps);
    expect(library.page).toBe(1);
    expect(library.photos[0]?.alt).toBe("Second photo");
    expect(library.photos[0]?.licence).toBe("All rights reserved");
    const found = await mediaLibrary(writer, { page: "1", words: "second" }, deps);
    expect(found.photos.map((p) => p.alt)).toEqual(["Second photo"]);
  });
});

describe("withPhotoSources", () => {
  it("fills in where the lead and body photos are seen; an id that is no upload keeps none", async () => {
    const outcome = await uploadPhoto(writer, await jpegFile(), fields, { deps });
    if (!outcome.ok) throw new Error(outcome.error);
    const id = outcome.photo.imageId;
    const photo = { type: "photo" as const, imageId: id, alt: "a", caption: "c", credit: "r" };
    const missing = { ...photo, imageId: 99_999 };
    const content = {
      ...emptyStory(),
      lead: { imageId: id, alt: "a", caption: "c", credit: "r" },
      body: [{ type: "paragraph" as const, text: "x" }, photo, missing],
    };
    const { content: filled, leadSrc } = await withPhotoSources(content, deps);
    expect(leadSrc).toBe(`/media/${id}/photo-${id}.jpg`);
    expect(filled.body).toEqual([
      content.body[0],
      { ...photo, src: leadSrc, width: 64, height: 40 },
      missing,
    ]);
    expect(
      await withPhotoSources(
        { ...content, lead: { ...content.lead, imageId: null }, body: [] },
        deps,
      ),
    ).toEqual({
      content: { ...content, lead: { ...content.lead, imageId: null }, body: [] },
      leadSrc: null,
    });
  });
});
