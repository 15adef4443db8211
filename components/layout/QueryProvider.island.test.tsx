import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import { describe, expect, test } from "vitest";
import { QueryProvider } from "./QueryProvider.island";

/** Reports the client it was given to `seen`, and renders a marker. */
function ClientProbe({ seen }: { seen: QueryClient[] }) {
  seen.push(useQueryClient());
  return <p>inside the provider</p>;
}

describe("QueryProvider", () => {
  test("renders its children inside a QueryClientProvider", () => {
    const seen: QueryClient[] = [];
    render(
      <QueryProvider>
        <ClientProbe seen={seen} />
      </QueryProvider>,
    );
    expect(screen.getByText("inside the provider")).toBeInTheDocument();
    expect(seen.length).toBeGreaterThan(0);
  });

  test.each([
    ["staleTime", 60_000],
    ["refetchOnWindowFocus", false],
    ["retry", 1],
  ] as const)("queries default to %s = %s", (option, value) => {
    const seen: QueryClient[] = [];
    render(
      <QueryProvider>
        <ClientProbe seen={seen} />
      </QueryProvider>,
    );
    expect(seen[0]!.getDefaultOptions().queries?.[option]).toBe(value);
  });

  test("keeps one client across re-renders, and gives each provider its own", () => {
    const seen: QueryClient[] = [];
    const { rerender } = render(
      <QueryProvider>
        <ClientProbe seen={seen} />
      </QueryProvider>,
    );
    rerender(
      <QueryProvider>
        <ClientProbe seen={seen} />
      </QueryProvider>,
    );
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(new Set(seen).size).toBe(1);

    const other: QueryClient[] = [];
    render(
      <QueryProvider>
        <ClientProbe seen={other} />
      </QueryProvider>,
    );
    expect(other[0]).not.toBe(seen[0]);
  });
});
