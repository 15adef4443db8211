/**
 * A photo chosen for a story (the newsroom contract's PhotoChoice): what BodyEditor's
 * `choosePhoto` resolves and the lead photo takes. Types only, so client islands can import it.
 */
export type PhotoChoice = {
  imageId: number;
  /** Its public URL, /media/{imageId}/… (lib/urls.ts imageSrc). */
  src: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
};

/** A photo of the media library: a PhotoChoice with its licence and upload time (ISO UTC). */
export type LibraryPhoto = PhotoChoice & { licence: string; uploadedAt: string };

/** One page of the media library as GET /newsroom/api/photos answers it. */
export type LibraryPage = {
  photos: LibraryPhoto[];
  hasMore: boolean;
  total: number;
  page: number;
  words: string;
};
