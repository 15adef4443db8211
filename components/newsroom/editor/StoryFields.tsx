import { useState } from "react";
import { fromKstInputValue, toKstInputValue } from "@/lib/format/date";
import { unicodeSlug } from "@/lib/format/slug";
import {
  HEADLINE_MAX,
  SLUG_MAX,
  STANDFIRST_MAX,
  type FieldErrors,
  type StoryContent,
} from "@/lib/newsroom/story-content";
import type { SectionOption } from "@/lib/newsroom/section-options";
import { CONTROL, Field, describedBy, fieldId } from "./field";

type Props = {
  content: StoryContent;
  errors: FieldErrors;
  sections: SectionOption[];
  onChange(patch: Partial<StoryContent>): void;
};

/** Tags as typed ("Seoul, rain , ") -> ["Seoul", "rain"]. */
export function parseTags(text: string): string[] {
  return text
    .split(",")
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0);
}

/**
 * The story's text fields: headline (with a counter to 110), standfirst, slug (follows the
 * headline, as unicodeSlug spells it, until edited by hand), section, tags (comma-separated)
 * and the publication time (a datetime-local read as KST, kept as UTC). Each control has a
 * label, its hint and error named by aria-describedby. Remount it (a new `key`) when the content
 * is replaced from outside, so its typed text (tags, time) starts again from the content.
 */
export function StoryFields({ content, errors, sections, onChange }: Props) {
  const [slugFollows, setSlugFollows] = useState(
    content.slug === "" || content.slug === unicodeSlug(content.headline, SLUG_MAX),
  );
  const [tagsText, setTagsText] = useState(content.tags.join(", "));
  const [timeText, setTimeText] = useState(
    content.publishAt ? toKstInputValue(content.publishAt) : "",
  );
  const headlineHint = `${fieldId("headline")}-hint`;
  const standfirstHint = `${fieldId("standfirst")}-hint`;
  const slugHint = `${fieldId("slug")}-hint`;
  const tagsHint = `${fieldId("tags")}-hint`;
  const timeHint = `${fieldId("publishAt")}-hint`;

  return (
    <>
      <Field
        name="headline"
        label="Headline"
        hint={`${content.headline.length} of ${HEADLINE_MAX} characters`}
        error={errors.headline}
      >
        <input
          {...describedBy("headline", errors.headline, headlineHint)}
          type="text"
          value={content.headline}
          autoComplete="off"
          className={`${CONTROL} font-serif text-xl font-bold`}
          onChange={(e) => {
            const headline = e.target.value;
            onChange(
              slugFollows ? { headline, slug: unicodeSlug(headline, SLUG_MAX) } : { headline },
            );
          }}
        />
      </Field>
      <Field
        name="standfirst"
        label="Standfirst"
        hint={`The summary under the headline: ${content.standfirst.length} of ${STANDFIRST_MAX} characters`}
        error={errors.standfirst}
      >
        <textarea
          {...describedBy("standfirst", errors.standfirst, standfirstHint)}
          value={content.standfirst}
          rows={3}
          className={`${CONTROL} py-2`}
          onChange={(e) => onChange({ standfirst: e.target.value })}
        />
      </Field>
      <Field
        name="slug"
        label="Slug"
        hint={
          slugFollows
            ? "The end of the story's address. It follows the headline until you edit it."
            : "The end of the story's address: lower-case letters of any language, digits, hyphens."
        }
        error={errors.slug}
      >
        <div className="flex gap-2">
          <input
            {...describedBy("slug", errors.slug, slugHint)}
            type="text"
            value={content.slug}
            autoComplete="off"
            spellCheck={false}
            className={CONTROL}
            onChange={(e) => {
              setSlugFollows(false);
              onChange({ slug: e.target.value });
            }}
          />
          {slugFollows ? null : (
            <button
              type="button"
              className="min-h-11 shrink-0 rounded border border-muted px-3 text-sm font-semibold hover:underline"
              onClick={() => {
                setSlugFollows(true);
                onChange({ slug: unicodeSlug(content.headline, SLUG_MAX) });
              }}
            >
              Follow the headline
            </button>
          )}
        </div>
      </Field>
      <Field name="sectionId" label="Section" error={errors.sectionId}>
        <select
          {...describedBy("sectionId", errors.sectionId)}
          value={content.sectionId ?? ""}
          className={CONTROL}
          onChange={(e) =>
            onChange({ sectionId: e.target.value === "" ? null : Number(e.target.value) })
          }
        >
          <option value="">Choose a section</option>
          {sections.map((section) => (
            <option key={section.id} value={section.id}>
              {section.name}
            </option>
          ))}
        </select>
      </Field>
      <Field
        name="tags"
        label="Tags"
        hint="Separate tags with commas, e.g. Seoul, weather"
        error={errors.tags}
      >
        <input
          {...describedBy("tags", errors.tags, tagsHint)}
          type="text"
          value={tagsText}
          autoComplete="off"
          className={CONTROL}
          onChange={(e) => {
            setTagsText(e.target.value);
            onChange({ tags: parseTags(e.target.value) });
          }}
        />
      </Field>
      <Field
        name="publishAt"
        label="Publication time (KST)"
        hint="Korea Standard Time. Leave empty to publish when an editor publishes."
        error={errors.publishAt}
      >
        <input
          {...describedBy("publishAt", errors.publishAt, timeHint)}
          type="datetime-local"
          value={timeText}
          className={CONTROL}
          onChange={(e) => {
            setTimeText(e.target.value);
            onChange({ publishAt: fromKstInputValue(e.target.value) });
          }}
        />
      </Field>
    </>
  );
}
