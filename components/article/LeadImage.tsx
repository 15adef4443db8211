import Image from "next/image";
import type { LeadImage as LeadImageData } from "@/lib/domain";

/** Licences that require a credit and a note of changes (CC BY: "indicate if changes were made"). */
const needsChangeNote = (licence: string) => /^CC BY/.test(licence);

/**
 * What the photo's slot is in the page grid (components/layout/WithRails.tsx): the whole content
 * column, 780 px beside the rails from 1152 px, the viewport less the rails and gutters from
 * 1024 px, the viewport less the page's padding below that.
 */
export const LEAD_IMAGE_SIZES =
  "(min-width: 1152px) 780px, (min-width: 1024px) calc(100vw - 372px), calc(100vw - 32px)";

/**
 * The lead photo in a `figure` with its caption and credit. It is the page's largest element, so
 * it loads eagerly with high fetch priority; its width and height reserve its box (no layout
 * shift) and the alt text comes from the data layer. When the archive has the caption but not the
 * photo (the seed article), the caption and credit are still printed, as a text figure, never a
 * grey box. For CC BY photos the licence is named and the resize noted, as the licence asks.
 */
export function LeadImage({ lead }: { lead: LeadImageData }) {
  const { image } = lead;
  return (
    <figure className="my-6 break-inside-avoid">
      {image && (
        <Image
          src={image.src}
          alt={image.alt}
          width={image.width}
          height={image.height}
          sizes={LEAD_IMAGE_SIZES}
          loading="eager"
          fetchPriority="high"
          className="h-auto w-full bg-rule/40"
        />
      )}
      <figcaption
        className={`mt-2 text-sm text-muted ${image ? "" : "border-l-4 border-rule pl-3"}`}
      >
        {!image && <span className="sr-only">Photo caption: </span>}
        {lead.caption} {lead.credit && <span className="font-semibold">({lead.credit})</span>}
        {image && needsChangeNote(image.licence) && <span> Resized from the original.</span>}
      </figcaption>
    </figure>
  );
}
