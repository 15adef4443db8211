import Link from "next/link";
import type { Publication, Registration } from "@/lib/domain";

/** The registration lines in the order the seed page prints them, with their printed labels. */
const REGISTRATION_LINES: ReadonlyArray<{ key: keyof Registration; label: string }> = [
  { key: "address", label: "Address" },
  { key: "onlineNewspaperRegistrationNo", label: "Online newspaper registration No" },
  { key: "dateOfRegistration", label: "Date of registration" },
  { key: "publisherEditor", label: "Publisher · Editor" },
  { key: "juvenileProtectionManager", label: "Juvenile Protection Manager" },
  { key: "tel", label: "Tel" },
];

/**
 * The footer: policy links (privacy, copyright, ombudsman), the corporate registration details a
 * Korean online newspaper must print (Act on the Promotion of Newspapers, Art. 9 and 12:
 * registration number and date, publisher and editor, juvenile protection manager, address,
 * telephone), the credit for Wikinews texts (CC BY 2.5 asks for it), and "Back to top" (to
 * `#top`, the `html` element). Every value comes from the data layer. On paper only the
 * copyright line is printed.
 */
export function SiteFooter({ publication }: { publication: Publication }) {
  const reg = publication.registration;
  return (
    <footer className="mt-12 border-t-4 border-double border-rule bg-paper text-sm">
      <div className="mx-auto max-w-6xl px-4 py-8">
        <div className="flex flex-wrap items-center justify-between gap-4">
          <ul className="flex flex-wrap gap-x-4 gap-y-1 no-print">
            {publication.footerLinks.map((link) => (
              <li key={link.label}>
                <Link
                  prefetch={false}
                  href={link.href}
                  className="inline-block py-1.5 font-semibold hover:underline"
                >
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
          <a
            href="#top"
            className="inline-block px-2 py-1.5 font-semibold hover:underline no-print"
          >
            Back to top <span aria-hidden="true">↑</span>
          </a>
        </div>
        <p className="mt-6 font-serif text-base font-bold no-print">{reg.ourSite}</p>
        <dl className="mt-2 no-print grid grid-cols-1 gap-x-6 gap-y-1 text-muted sm:grid-cols-2 lg:grid-cols-3">
          {REGISTRATION_LINES.map(({ key, label }) => (
            <div key={key} className="flex flex-wrap gap-x-1.5">
              <dt>{label} :</dt>
              <dd className="text-ink">{reg[key]}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-4 text-muted">{reg.copyright}</p>
        <p className="mt-2 text-muted no-print">
          Many articles on this site are from{" "}
          <a href="https://en.wikinews.org" className="underline">
            Wikinews
          </a>
          , the free news source, licensed under{" "}
          <a
            href="https://creativecommons.org/licenses/by/2.5/"
            className="underline"
            rel="license"
          >
            CC BY 2.5
          </a>
          ; photo credits are on each photo and on the{" "}
          <Link prefetch={false} href="/copyright" className="underline">
            copyright policy
          </Link>{" "}
          page.
        </p>
      </div>
    </footer>
  );
}
