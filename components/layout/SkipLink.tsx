/** The first focusable element of every page: jumps keyboard users past the header to #main (WCAG 2.4.1). */
export function SkipLink() {
  return (
    <a
      href="#main"
      className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:bg-accent focus:px-4 focus:py-3 focus:text-accent-ink"
    >
      Skip to main content
    </a>
  );
}
