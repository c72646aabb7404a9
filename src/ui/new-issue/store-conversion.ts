/**
 * The description conversion of the New issue store: converts an email into its draft's
 * description when asked, the newest request winning, and never over the user's own edits unless
 * they asked to replace them.
 */
import type { EmailConverter } from "../../mail/email-description-types";
import type { MailMessage } from "../../mail/mail-message";
import { convertEmail } from "./description-conversion";
import type { EntryAccess } from "./new-issue-entry";
import type { NewIssueItem } from "./new-issue-item";
import type { MailContentPort } from "../ports";

/** When a conversion runs: "if-pending" (first show), "options" (options changed), "replace" (asked for). */
export type ConversionMode = "if-pending" | "options" | "replace";

/** What the conversions need. */
export interface ConversionsOptions {
  mailContent: MailContentPort;
  loadConverter: () => Promise<EmailConverter>;
  locale: string;
}

/** `convert(item, message, mode)`, as the store offers it. */
export function createConversions(access: EntryAccess, options: ConversionsOptions) {
  const { entryOf, set, warn } = access;
  const runs = new Map<string, number>();

  return function convert(item: NewIssueItem, message: MailMessage, mode: ConversionMode): void {
    const { draft, conversion } = entryOf(item);
    if (mode === "if-pending") {
      if (draft.descriptionState !== "pending" || conversion.status === "converting") return;
    }
    if (mode === "options" && draft.descriptionState === "edited") return;
    const run = (runs.get(item.key) ?? 0) + 1;
    runs.set(item.key, run);
    const latest = () => runs.get(item.key) === run;
    const descriptionOptions = draft.descriptionOptions;
    set(item, { conversion: { status: "converting" } }, false);

    convertEmail({ ...options, message, options: descriptionOptions }).then(
      (result) => {
        if (!latest()) return;
        const { draft: current } = entryOf(item);
        if (current.descriptionState === "edited" && mode !== "replace") {
          set(item, { conversion: { status: "idle" } }, false);
          return;
        }
        const described = {
          description: result.markup,
          descriptionState: "generated" as const,
          generatedWith: descriptionOptions,
          inlineImages: result.usedInlineImages,
        };
        set(item, { draft: { ...current, ...described }, conversion: { status: "idle" } });
      },
      (error: unknown) => {
        if (!latest()) return;
        warn("The email could not be converted into a description.", error);
        // The draft stays as it was: a description never converted stays "pending", so the form
        // converts it when it shows the email again (open again, or after a reload) instead of
        // keeping an empty one for good. Meanwhile it is editable and never blocks Create.
        const problem = error instanceof Error ? error.message : String(error);
        set(item, { conversion: { status: "failed", problem } }, false);
      }
    );
  };
}
