import type { Thing, WithContext } from "schema-dts";
import { serializeJsonLd } from "@/lib/seo/json-ld";

/** One JSON-LD block (typed with schema-dts). */
export function JsonLd({ data }: { data: WithContext<Thing> | Array<WithContext<Thing>> }) {
  return (
    <script
      type="application/ld+json"
      dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }}
    />
  );
}
