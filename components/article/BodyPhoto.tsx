import Image from "next/image";

/**
 * What a body photo's slot is: the body's measure (56ch of the serif face, about 640 px) on wide
 * screens, the viewport less the page's padding below that.
 */
export const BODY_PHOTO_SIZES = "(min-width: 768px) 640px, calc(100vw - 32px)";

/**
 * A photo inside the body, in a `figure` with its caption and credit, loaded lazily (the lead
 * photo is the page's largest element, not these). Its width and height reserve its box. Takes a
 * photo block whose src and size were filled in on read (lib/news/sql/queries/body-photos.ts).
 */
export function BodyPhoto({
  src,
  width,
  height,
  alt,
  caption,
  credit,
}: {
  src: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
}) {
  return (
    <figure className="my-8 break-inside-avoid">
      <Image
        src={src}
        alt={alt}
        width={width}
        height={height}
        sizes={BODY_PHOTO_SIZES}
        className="h-auto w-full bg-rule/40"
      />
      {(caption || credit) && (
        <figcaption className="mt-2 font-sans text-sm text-muted">
          {caption} {credit && <span className="font-semibold">({credit})</span>}
        </figcaption>
      )}
    </figure>
  );
}
