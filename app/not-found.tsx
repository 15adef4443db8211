import type { Metadata } from "next";
import Link from "next/link";
import { ERROR_TEXT } from "@/components/errors/ErrorView";

export const metadata: Metadata = { title: ERROR_TEXT[404].title };

/**
 * The root not-found boundary: what a `notFound()` outside app/(site)/ and app/newsroom/ would
 * show, which nothing calls today (each has its own not-found.tsx; a URL no route answers gets
 * app/global-not-found.tsx). Next.js sends this file in every page's payload, so it draws no frame
 * (docs/decisions/042-route-groups.md): the message in `main` and a link home. Without it Next.js
 * would send its own, larger one with inline styles.
 */
export default function NotFound() {
  const text = ERROR_TEXT[404];
  return (
    <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
      <h1 className="font-serif text-4xl font-bold">{text.heading}</h1>
      <p className="mt-4 text-lg">{text.body}</p>
      <p className="mt-6">
        <Link prefetch={false} href="/" className="font-semibold underline">
          Go to the front page
        </Link>
      </p>
    </main>
  );
}
