import type { AutosaveStatus } from "./use-autosave";

/** The words of an autosave state, as the status region says them. */
export function statusText(status: AutosaveStatus): string {
  switch (status.kind) {
    case "saved":
      return "Saved";
    case "pending":
      return "Changes not saved yet";
    case "saving":
      return "Saving…";
    case "retrying":
      return status.kept
        ? "Not saved: retrying (your changes are kept on this device)"
        : "Not saved: retrying";
    case "offline":
      return status.kept
        ? "Offline: kept on this device"
        : "Offline: not saved, and this browser cannot keep a copy; do not close the page";
    case "invalid":
      return "Not saved: fix the marked fields";
    case "conflict":
      return "Not saved: someone else saved this story";
  }
}

/**
 * The autosave's status region (aria-live polite, role status): "Saved", "Saving…", "Not saved:
 * retrying", "Offline: kept on this device", so a screen-reader user hears a failure without
 * being interrupted while typing.
 */
export function SaveStatus({ status }: { status: AutosaveStatus }) {
  const bad = status.kind !== "saved" && status.kind !== "pending" && status.kind !== "saving";
  return (
    <p
      role="status"
      aria-live="polite"
      className={`text-sm font-semibold ${bad ? "text-kicker" : "text-muted"}`}
    >
      {statusText(status)}
    </p>
  );
}
