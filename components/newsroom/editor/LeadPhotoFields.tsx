import { useState } from "react";
import type { FieldErrors, LeadPhoto } from "@/lib/newsroom/story-content";
import { CONTROL, Field, FieldError, QUIET_BUTTON, describedBy, errorId, fieldId } from "./field";
import type { PhotoChoice } from "./types";

type Props = {
  lead: LeadPhoto;
  /** Where the chosen photo can be seen (a thumbnail), when known. */
  src: string | null;
  errors: FieldErrors;
  choosePhoto?: () => Promise<PhotoChoice | null>;
  onChange(lead: LeadPhoto, src: string | null): void;
};

/**
 * The lead photo: chosen from the media library through `choosePhoto` (helper "media"), shown
 * as a thumbnail, with its caption, credit and alt text (alt and credit are required before
 * publishing: storyReadySchema). Choosing a photo takes its library caption, credit and alt as
 * a start, keeping what was already typed.
 */
export function LeadPhotoFields({ lead, src, errors, choosePhoto, onChange }: Props) {
  const [choosing, setChoosing] = useState(false);
  const choose = async () => {
    if (!choosePhoto) return;
    setChoosing(true);
    try {
      const photo = await choosePhoto();
      if (photo) {
        onChange(
          {
            imageId: photo.imageId,
            caption: lead.caption || photo.caption,
            credit: lead.credit || photo.credit,
            alt: lead.alt || photo.alt,
          },
          photo.src,
        );
      }
    } finally {
      setChoosing(false);
    }
  };
  const has = lead.imageId !== null;
  return (
    <fieldset
      id={fieldId("lead")}
      tabIndex={-1}
      aria-describedby={errors.lead ? errorId("lead") : undefined}
      className="mt-5 rounded border border-rule p-3"
    >
      <legend className="px-1 font-semibold">Lead photo</legend>
      <FieldError name="lead" error={errors.lead} />
      {has ? (
        <div className="flex flex-wrap items-start gap-3">
          {src ? (
            // A newsroom thumbnail of our own upload: no optimizer needed.
            // eslint-disable-next-line @next/next/no-img-element
            <img src={src} alt="" className="h-24 w-auto rounded border border-rule" />
          ) : (
            <p className="text-sm text-muted">Photo {lead.imageId}</p>
          )}
          <div className="flex flex-wrap gap-2">
            {choosePhoto ? (
              <button type="button" className={QUIET_BUTTON} disabled={choosing} onClick={choose}>
                Change photo
              </button>
            ) : null}
            <button
              type="button"
              className={QUIET_BUTTON}
              onClick={() => onChange({ imageId: null, caption: "", credit: "", alt: "" }, null)}
            >
              Remove photo
            </button>
          </div>
        </div>
      ) : choosePhoto ? (
        <button type="button" className={QUIET_BUTTON} disabled={choosing} onClick={choose}>
          Choose a photo
        </button>
      ) : (
        <p className="text-sm text-muted">No photo.</p>
      )}
      {has ? (
        <>
          <Field
            name="lead.alt"
            label="Alt text"
            hint="What the photo shows, for readers who cannot see it."
            error={errors["lead.alt"]}
          >
            <input
              {...describedBy("lead.alt", errors["lead.alt"], `${fieldId("lead.alt")}-hint`)}
              type="text"
              value={lead.alt}
              className={CONTROL}
              onChange={(e) => onChange({ ...lead, alt: e.target.value }, src)}
            />
          </Field>
          <Field name="lead.caption" label="Caption" error={errors["lead.caption"]}>
            <input
              {...describedBy("lead.caption", errors["lead.caption"])}
              type="text"
              value={lead.caption}
              className={CONTROL}
              onChange={(e) => onChange({ ...lead, caption: e.target.value }, src)}
            />
          </Field>
          <Field name="lead.credit" label="Credit" error={errors["lead.credit"]}>
            <input
              {...describedBy("lead.credit", errors["lead.credit"])}
              type="text"
              value={lead.credit}
              className={CONTROL}
              onChange={(e) => onChange({ ...lead, credit: e.target.value }, src)}
            />
          </Field>
        </>
      ) : null}
    </fieldset>
  );
}
