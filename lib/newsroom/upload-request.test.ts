import { describe, expect, it } from "vitest";
import { isSameOrigin, readUploadForm } from "./upload-request";

const post = (headers: Record<string, string>, body?: BodyInit) =>
  new Request("http://localhost:4400/newsroom/api/photos", {
    method: "POST",
    headers,
    body,
    duplex: "half",
  } as RequestInit);

describe("isSameOrigin", () => {
  it("takes only the request's own origin", () => {
    expect(isSameOrigin(post({ host: "localhost:4400", origin: "http://localhost:4400" }))).toBe(
      true,
    );
    expect(isSameOrigin(post({ host: "localhost:4400", origin: "https://evil.example" }))).toBe(
      false,
    );
    expect(isSameOrigin(post({ host: "localhost:4400", origin: "null" }))).toBe(false);
    expect(isSameOrigin(post({ host: "localhost:4400" }))).toBe(false);
  });
});

describe("readUploadForm", () => {
  it("reads a small multipart form", async () => {
    const form = new FormData();
    form.set("alt", "Rain");
    form.set("file", new File([new Uint8Array(10)], "a.jpg"));
    const read = await readUploadForm(new Request("http://x/", { method: "POST", body: form }));
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.form.get("alt")).toBe("Rain");
  });

  it("refuses a declared 25 MB body with 413 without reading it", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const read = await readUploadForm(
      post(
        {
          "content-type": "multipart/form-data; boundary=x",
          "content-length": String(25 * 1024 * 1024),
        },
        body,
      ),
    );
    expect(read).toMatchObject({ ok: false, status: 413 });
    expect(pulled).toBeLessThanOrEqual(2);
  });

  it("stops reading an undeclared (chunked) body at the cap with 413", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 25) return controller.close();
        controller.enqueue(new Uint8Array(1024 * 1024));
      },
    });
    const read = await readUploadForm(
      post({ "content-type": "multipart/form-data; boundary=x" }, body),
      4 * 1024 * 1024,
    );
    expect(read).toMatchObject({ ok: false, status: 413 });
    expect(pulled).toBeLessThan(10);
  });

  it("refuses a body that is no multipart form with 415", async () => {
    const read = await readUploadForm(post({ "content-type": "application/json" }, "{}"));
    expect(read).toMatchObject({ ok: false, status: 415 });
  });
});
