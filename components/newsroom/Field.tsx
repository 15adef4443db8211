type Props = {
  id: string;
  name: string;
  label: string;
  type?: "text" | "email" | "password";
  autoComplete?: string;
  required?: boolean;
  hint?: string;
  inputMode?: "numeric";
  maxLength?: number;
};

/** A labelled text field of a newsroom form, with an optional hint tied by aria-describedby. */
export function Field({ id, name, label, type = "text", hint, ...rest }: Props) {
  return (
    <>
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-muted">
          {hint}
        </p>
      )}
      <input
        id={id}
        name={name}
        type={type}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className="rounded border border-muted bg-paper px-3 py-2 text-ink"
        {...rest}
      />
    </>
  );
}
