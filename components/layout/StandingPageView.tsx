import type { ReactNode } from "react";
import type { StandingPage } from "@/lib/content/pages";

/** A standing page (privacy, copyright, ombudsman, subscribe): its title, its paragraphs and any extra content. */
export function StandingPageView({ page, children }: { page: StandingPage; children?: ReactNode }) {
  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="mb-6 font-serif text-4xl font-bold">{page.title}</h1>
      <div className="max-w-[65ch] space-y-4 text-lg leading-relaxed">
        {page.paragraphs.map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
      </div>
      {children}
    </div>
  );
}
