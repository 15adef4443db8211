import type { DB } from "../db";
import type { Publication, Registration } from "../../../domain";

/**
 * The publication's identity, its corporate registration lines (printed in the footer as the
 * Act on the Promotion of Newspapers, Art. 9 and 12, asks of a Korean online newspaper) and its
 * promo and footer links, in display order. Throws if the database holds no publication row
 * (an unseeded database).
 */
export async function getPublication(db: DB): Promise<Publication> {
  const row = await db
    .selectFrom("publication")
    .selectAll()
    .where("id", "=", 1)
    .executeTakeFirstOrThrow();
  const links = await db
    .selectFrom("publication_links")
    .select(["kind", "label", "href"])
    .orderBy("kind")
    .orderBy("position")
    .execute();
  const lines = JSON.parse(row.registration_json) as Record<string, string>;
  const registration: Registration = {
    ourSite: lines.our_site ?? "",
    copyright: lines.copyright ?? "",
    address: lines.address ?? "",
    onlineNewspaperRegistrationNo: lines.online_newspaper_registration_no ?? "",
    dateOfRegistration: lines.date_of_registration ?? "",
    publisherEditor: lines.publisher_editor ?? "",
    juvenileProtectionManager: lines.juvenile_protection_manager ?? "",
    tel: lines.tel ?? "",
  };
  return {
    name: row.name,
    publisherCompany: row.publisher_company,
    locale: row.locale,
    timeZone: row.time_zone,
    registration,
    promoLinks: links.filter((l) => l.kind === "promo").map(({ label, href }) => ({ label, href })),
    footerLinks: links
      .filter((l) => l.kind === "footer")
      .map(({ label, href }) => ({ label, href })),
    months: JSON.parse(row.date_months_json) as string[],
  };
}
