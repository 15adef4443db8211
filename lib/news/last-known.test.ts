import { afterEach, describe, expect, it, vi } from "vitest";
import type { Publication, SectionNode } from "../domain";
import { StoreUnavailableError } from "./outage";

vi.mock("server-only", () => ({}));
const reads = vi.hoisted(() => ({
  getPublication: vi.fn<() => Promise<Publication>>(),
  getSectionTree: vi.fn<() => Promise<SectionNode[]>>(),
}));
vi.mock("./reads", () => reads);

const { forgetLastKnown, getSiteFrame } = await import("./last-known");

const publication = { name: "The Herald", locale: "en" } as Publication;
const sections = [
  { id: 1, slug: "national", name: "National", path: "/national" },
] as SectionNode[];
const outage = () => Promise.reject(new StoreUnavailableError("test: the file is gone"));

afterEach(() => {
  forgetLastKnown();
  vi.resetAllMocks();
});

describe("the site frame (header and footer of every page, error pages included)", () => {
  it("is the publication and section tree as read", async () => {
    reads.getPublication.mockResolvedValue(publication);
    reads.getSectionTree.mockResolvedValue(sections);
    expect(await getSiteFrame()).toEqual({ publication, sections });
  });

  it("is the last ones this process read while storage is unavailable", async () => {
    reads.getPublication.mockResolvedValue(publication);
    reads.getSectionTree.mockResolvedValue(sections);
    await getSiteFrame();
    reads.getPublication.mockImplementation(outage);
    reads.getSectionTree.mockImplementation(outage);
    expect(await getSiteFrame()).toEqual({ publication, sections });
  });

  it("is empty when storage is unavailable and nothing was ever read", async () => {
    reads.getPublication.mockImplementation(outage);
    reads.getSectionTree.mockImplementation(outage);
    expect(await getSiteFrame()).toEqual({ publication: null, sections: [] });
  });

  it("lets any other failure through: a bug is not an outage", async () => {
    reads.getPublication.mockRejectedValue(new TypeError("a bug"));
    reads.getSectionTree.mockResolvedValue(sections);
    await expect(getSiteFrame()).rejects.toThrow("a bug");
  });
});
