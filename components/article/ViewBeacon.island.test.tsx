import { act, render } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi, type Mock } from "vitest";
import { ViewBeacon } from "./ViewBeacon.island";

let fetchMock: Mock<typeof fetch>;
let cancelBody: Mock<() => Promise<void>>;

beforeEach(() => {
  cancelBody = vi.fn(() => Promise.resolve());
  fetchMock = vi.fn<typeof fetch>(() =>
    Promise.resolve({ ok: true, status: 204, body: { cancel: cancelBody } } as unknown as Response),
  );
  vi.stubGlobal("fetch", fetchMock);
});

afterEach(() => {
  delete (document as Document & { prerendering?: boolean }).prerendering;
});

/** Makes the document look prerendered (Speculation Rules) until `prerenderingchange`. */
function startPrerendering() {
  Object.defineProperty(document, "prerendering", { value: true, configurable: true });
}

/** Lets the page be shown: `prerendering` turns false and the event fires. */
function activate() {
  Object.defineProperty(document, "prerendering", { value: false, configurable: true });
  act(() => {
    document.dispatchEvent(new Event("prerenderingchange"));
  });
}

describe("ViewBeacon", () => {
  test.each([1, 42, 90_210])("posts one view of article %i to /api/views as JSON", (id) => {
    render(<ViewBeacon articleId={id} />);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe("/api/views");
    expect(init?.method).toBe("POST");
    expect(new Headers(init?.headers).get("content-type")).toBe("application/json");
    expect(JSON.parse(String(init?.body))).toEqual({ articleId: id });
  });

  test("renders nothing", () => {
    const { container } = render(<ViewBeacon articleId={7} />);
    expect(container).toBeEmptyDOMElement();
  });

  test("does not post again on a re-render, but does for another article", () => {
    const { rerender } = render(<ViewBeacon articleId={7} />);
    rerender(<ViewBeacon articleId={7} />);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    rerender(<ViewBeacon articleId={8} />);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(JSON.parse(String(fetchMock.mock.calls[1]![1]?.body))).toEqual({ articleId: 8 });
  });

  test("releases the response body without reading it", async () => {
    render(<ViewBeacon articleId={7} />);
    await vi.waitFor(() => expect(cancelBody).toHaveBeenCalledTimes(1));
  });

  test("swallows a failed request (offline reader): no unhandled rejection", async () => {
    const unhandled = vi.fn();
    process.on("unhandledRejection", unhandled);
    try {
      fetchMock.mockImplementationOnce(() => Promise.reject(new TypeError("Failed to fetch")));
      render(<ViewBeacon articleId={7} />);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(fetchMock).toHaveBeenCalledTimes(1);
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off("unhandledRejection", unhandled);
    }
  });

  test("waits while the browser prerenders the page, and posts once when it is shown", () => {
    startPrerendering();
    render(<ViewBeacon articleId={7} />);
    expect(fetchMock).not.toHaveBeenCalled();
    activate();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(JSON.parse(String(fetchMock.mock.calls[0]![1]?.body))).toEqual({ articleId: 7 });
    // The listener was registered once: a second event counts nothing.
    act(() => {
      document.dispatchEvent(new Event("prerenderingchange"));
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  test("counts nothing for a prerendered page that is discarded before it is shown", () => {
    startPrerendering();
    const { unmount } = render(<ViewBeacon articleId={7} />);
    unmount();
    activate();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
