import Image from "next/image";
import type { LeadImage as LeadImageData } from "@/lib/domain";

/** Licences that require a credit and a note of changes (CC BY: "indicate if changes were made"). */
const needsChangeNote = (licence: string) => /^CC BY/.test(licence);

/**
 * The lead photo in a `figure` with its caption and credit. The photo loads eagerly with high
 * priority (it is the page's largest element). When the archive has the caption but not the
 * photo (the seed article), the caption and credit are still printed, as a text figure, never a grey box.
 * For CC BY photos the licence is named and the resize noted, as the licence asks.
 */
export function LeadImage({ lead }: { lead: LeadImageData }) {
  const { image } = lead;
  return (
    <figure className="my-6">
      {image && (
        <Image
          src={image.src}
          alt={image.alt}
          width={image.width}
          height={image.height}
          sizes="(min-width: 1152px) 760px, (min-width: 1024px) calc(100vw - 392px), calc(100vw - 32px)"
          priority
          className="h-auto w-full"
        />
      )}
      <figcaption
        className={`mt-2 text-sm text-muted ${image ? "" : "border-l-4 border-rule pl-3"}`}
      >
        {!image && <span className="sr-only">Photo caption: </span>}
        {lead.caption}{" "}
        {lead.credit && <span className="whitespace-nowrap font-semibold">({lead.credit})</span>}
        {image && needsChangeNote(image.licence) && <span> Resized from the original.</span>}
      </figcaption>
    </figure>
  );
}
