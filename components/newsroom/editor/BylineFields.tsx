import { BYLINE_MAX, type BylineEntry, type FieldErrors } from "@/lib/newsroom/story-content";
import { CONTROL, FieldError, LABEL, QUIET_BUTTON, describedBy, errorId, fieldId } from "./field";

type Props = {
  byline: BylineEntry[];
  errors: FieldErrors;
  onChange(byline: BylineEntry[]): void;
};

/**
 * The byline: one or more names, each a staff writer or an agency, added and removed with
 * buttons (the Remove button names the name it removes). A fieldset with a legend; the byline's
 * own error (none at all) and each name's error sit beside what they are about.
 */
export function BylineFields({ byline, errors, onChange }: Props) {
  const set = (index: number, patch: Partial<BylineEntry>) =>
    onChange(byline.map((entry, i) => (i === index ? { ...entry, ...patch } : entry)));
  return (
    <fieldset
      id={fieldId("byline")}
      tabIndex={-1}
      aria-describedby={errors.byline ? errorId("byline") : undefined}
      className="mt-5 rounded border border-rule p-3"
    >
      <legend className="px-1 font-semibold">Byline</legend>
      <FieldError name="byline" error={errors.byline} />
      <ul className="space-y-3">
        {byline.map((entry, index) => {
          const nameKey = `byline.${index}.name`;
          const number = index + 1;
          return (
            <li key={index} className="flex flex-wrap items-end gap-2">
              <div className="min-w-0 flex-1">
                <label htmlFor={fieldId(nameKey)} className={LABEL}>
                  Name {number}
                </label>
                <input
                  {...describedBy(nameKey, errors[nameKey])}
                  type="text"
                  value={entry.name}
                  autoComplete="off"
                  className={CONTROL}
                  onChange={(e) => set(index, { name: e.target.value })}
                />
              </div>
              <div>
                <label htmlFor={fieldId(`byline.${index}.kind`)} className={LABEL}>
                  Name {number} is
                </label>
                <select
                  id={fieldId(`byline.${index}.kind`)}
                  value={entry.kind}
                  className={CONTROL}
                  onChange={(e) => set(index, { kind: e.target.value as BylineEntry["kind"] })}
                >
                  <option value="staff">Staff</option>
                  <option value="agency">Agency</option>
                </select>
              </div>
              <button
                type="button"
                className={QUIET_BUTTON}
                aria-label={`Remove name ${number}`}
                onClick={() => onChange(byline.filter((_, i) => i !== index))}
              >
                Remove
              </button>
              <div className="basis-full">
                <FieldError name={nameKey} error={errors[nameKey]} />
              </div>
            </li>
          );
        })}
      </ul>
      {byline.length < BYLINE_MAX ? (
        <button
          type="button"
          className={`${QUIET_BUTTON} mt-3`}
          onClick={() => onChange([...byline, { name: "", kind: "staff" }])}
        >
          Add a name
        </button>
      ) : null}
    </fieldset>
  );
}
