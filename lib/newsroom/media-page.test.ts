import { describe, expect, it } from "vitest";
import { mediaPageAfterUpload, uploadNotice } from "./media-page";

describe("the media page's notice after an upload without JavaScript", () => {
  it("round-trips a success and a refusal through the page's address", () => {
    const ok = mediaPageAfterUpload(201, { photo: { imageId: 42 } });
    expect(ok).toBe("/newsroom/media?uploaded=42");
    const query = (url: string) => Object.fromEntries(new URL(url, "http://x").searchParams);
    expect(uploadNotice(query(ok))).toEqual({ kind: "uploaded", imageId: 42 });
    const alt = mediaPageAfterUpload(400, { field: "alt" });
    expect(uploadNotice(query(alt))).toMatchObject({ kind: "refused", message: /alt text/ });
    const big = mediaPageAfterUpload(413, { field: "file" });
    expect(uploadNotice(query(big))).toMatchObject({ kind: "refused", message: /20 MB/ });
  });

  it("never prints text from the address, and ignores codes it does not know", () => {
    expect(uploadNotice({ refused: "<script>alert(1)</script>" })).toBeNull();
    expect(uploadNotice({ refused: "500" })).toBeNull();
    expect(uploadNotice({ uploaded: "-3" })).toBeNull();
    expect(uploadNotice({ refused: "400", field: "evil" })).toMatchObject({
      message: "Choose a photo to upload.",
    });
    expect(uploadNotice({})).toBeNull();
  });
});
