import { act, render } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi, type Mock } from "vitest";
import { ViewBeacon } from "./ViewBeacon.island";

let fetchMock: Mock<typeof fetch>;
let answers: unknown[];

const TICKET = "7.1780000000.abcdefghijklmnopqrstuv";

/** The server's answers, in order; after them, {"counted": true}. */
function answer(...next: unknown[]) {
  answers = next;
}

beforeEach(() => {
  answers = [];
  fetchMock = vi.fn<typeof fetch>(() =>
    Promise.resolve(Response.json(answers.length > 0 ? answers.shift() : { counted: true })),
  );
  vi.stubGlobal("fetch", fetchMock);
});

afterEach(() => {
  delete (document as Document & { prerendering?: boolean }).prerendering;
});

/** The JSON bodies posted so far. */
const posted = () => fetchMock.mock.calls.map(([, init]) => JSON.parse(String(init?.body)));

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
  test.each([1, 42, 90_210])(
    "posts one view of article %i with its ticket to /api/views as JSON",
    async (id) => {
      render(<ViewBeacon articleId={id} ticket={TICKET} />);
      expect(fetchMock).toHaveBeenCalledTimes(1);
      const [url, init] = fetchMock.mock.calls[0]!;
      expect(url).toBe("/api/views");
      expect(init?.method).toBe("POST");
      expect(new Headers(init?.headers).get("content-type")).toBe("application/json");
      expect(posted()).toEqual([{ articleId: id, ticket: TICKET }]);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(fetchMock).toHaveBeenCalledTimes(1);
    },
  );

  test('posts once more when the server answers "new-reader" (it has just set the cookie)', async () => {
    answer({ counted: false, reason: "new-reader" }, { counted: true });
    render(<ViewBeacon articleId={7} ticket={TICKET} />);
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
    expect(posted()).toEqual([
      { articleId: 7, ticket: TICKET },
      { articleId: 7, ticket: TICKET },
    ]);
  });

  test('posts at most twice, even when the second answer is "new-reader" again (no cookies)', async () => {
    answer({ counted: false, reason: "new-reader" }, { counted: false, reason: "new-reader" });
    render(<ViewBeacon articleId={7} ticket={TICKET} />);
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  test.each([
    [{ counted: false, reason: "repeat" }],
    [{ counted: false, reason: "no-ticket" }],
    [{ counted: false, reason: "rate-limited" }],
    ["not JSON"],
  ])("does not post again after the answer %j", async (first) => {
    fetchMock.mockImplementationOnce(() =>
      Promise.resolve(
        typeof first === "string" ? new Response(first, { status: 503 }) : Response.json(first),
      ),
    );
    render(<ViewBeacon articleId={7} ticket={TICKET} />);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  test("renders nothing", () => {
    const { container } = render(<ViewBeacon articleId={7} ticket={TICKET} />);
    expect(container).toBeEmptyDOMElement();
  });

  test("does not post again on a re-render, but does for another article", () => {
    const { rerender } = render(<ViewBeacon articleId={7} ticket={TICKET} />);
    rerender(<ViewBeacon articleId={7} ticket={TICKET} />);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    rerender(<ViewBeacon articleId={8} ticket="8.1780000000.abcdefghijklmnopqrstuv" />);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(posted()[1]).toEqual({ articleId: 8, ticket: "8.1780000000.abcdefghijklmnopqrstuv" });
  });

  test("swallows a failed request (offline reader): no unhandled rejection", async () => {
    const unhandled = vi.fn();
    process.on("unhandledRejection", unhandled);
    try {
      fetchMock.mockImplementationOnce(() => Promise.reject(new TypeError("Failed to fetch")));
      render(<ViewBeacon articleId={7} ticket={TICKET} />);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(fetchMock).toHaveBeenCalledTimes(1);
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off("unhandledRejection", unhandled);
    }
  });

  test("waits while the browser prerenders the page, and posts once when it is shown", () => {
    startPrerendering();
    render(<ViewBeacon articleId={7} ticket={TICKET} />);
    expect(fetchMock).not.toHaveBeenCalled();
    activate();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(posted()).toEqual([{ articleId: 7, ticket: TICKET }]);
    // The listener was registered once: a second event counts nothing.
    act(() => {
      document.dispatchEvent(new Event("prerenderingchange"));
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  test("counts nothing for a prerendered page that is discarded before it is shown", () => {
    startPrerendering();
    const { unmount } = render(<ViewBeacon articleId={7} ticket={TICKET} />);
    unmount();
    activate();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
