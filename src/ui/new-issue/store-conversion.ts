/**
 * The email conversion of the stores: converts an email into its draft's text (the New issue
 * description, the Add to issue comment) when asked, the newest request winning, and never over
 * the user's own edits unless they asked to replace them. Which fields of a draft hold the text is
 * the store's {@link ConvertedTextField}.
 */
import type {
  DescriptionOptions,
  EmailConverter,
  EmailDescription,
} from "../../mail/email-description-types";
import type { MailMessage } from "../../mail/mail-message";
import { convertEmail } from "./description-conversion";
import type { ConversionState, ConvertedTextName } from "./description-conversion";
import type { DescriptionState, NewIssueDraft } from "./new-issue-draft";
import type { EntryAccess } from "./new-issue-entry";
import type { MailContentPort } from "../ports";
import { shownErrorText } from "./localized-error";

/** When a conversion runs: "if-pending" (first show), "options" (options changed), "replace" (asked for). */
export type ConversionMode = "if-pending" | "options" | "replace";

/** What the conversions need. */
export interface ConversionsOptions {
  mailContent: MailContentPort;
  loadConverter: () => Promise<EmailConverter>;
  locale: string;
}

/** Where a draft keeps the text converted from the email. */
export interface ConvertedTextField<Draft> {
  /** What the text becomes, for the messages ("description", "comment"). */
  name: ConvertedTextName;
  /** Where the text stands. */
  state(draft: Draft): DescriptionState;
  /** The options the user chose for the conversion. */
  options(draft: Draft): DescriptionOptions;
  /** `draft` with the conversion's result (made with `options`) as its text, "generated". */
  generated(draft: Draft, result: EmailDescription, options: DescriptionOptions): Draft;
}

/** How the conversions read and change a store's entries. */
export interface ConversionAccess<Item, Draft> {
  entryOf(item: Item): { readonly draft: Draft; readonly conversion: ConversionState };
  set(
    item: Item,
    changes: { draft?: Draft; conversion?: ConversionState },
    persist?: boolean
  ): void;
  warn(message: string, error: unknown): void;
}

/** The New issue draft's text: its description. */
export const DESCRIPTION_FIELD: ConvertedTextField<NewIssueDraft> = {
  name: "description",
  state: (draft) => draft.descriptionState,
  options: (draft) => draft.descriptionOptions,
  generated: (draft, result, options) => ({
    ...draft,
    description: result.markup,
    descriptionState: "generated",
    generatedWith: options,
    inlineImages: result.usedInlineImages,
  }),
};

/** `convert(item, message, mode)` of the New issue store: into the description. */
export function createConversions(access: EntryAccess, options: ConversionsOptions) {
  return createTextConversions(access, options, DESCRIPTION_FIELD);
}

/** `convert(item, message, mode)` for a store whose drafts keep the text in `field`. */
export function createTextConversions<Item extends { key: string }, Draft>(
  access: ConversionAccess<Item, Draft>,
  options: ConversionsOptions,
  field: ConvertedTextField<Draft>
) {
  const { entryOf, set, warn } = access;
  const runs = new Map<string, number>();

  return function convert(item: Item, message: MailMessage, mode: ConversionMode): void {
    const { draft, conversion } = entryOf(item);
    if (mode === "if-pending") {
      if (field.state(draft) !== "pending" || conversion.status === "converting") return;
    }
    if (mode === "options" && field.state(draft) === "edited") return;
    const run = (runs.get(item.key) ?? 0) + 1;
    runs.set(item.key, run);
    const latest = () => runs.get(item.key) === run;
    const textOptions = field.options(draft);
    set(item, { conversion: { status: "converting" } }, false);

    convertEmail({ ...options, message, options: textOptions, textName: field.name }).then(
      (result) => {
        if (!latest()) return;
        const { draft: current } = entryOf(item);
        if (field.state(current) === "edited" && mode !== "replace") {
          set(item, { conversion: { status: "idle" } }, false);
          return;
        }
        const generated = field.generated(current, result, textOptions);
        set(item, { draft: generated, conversion: { status: "idle" } });
      },
      (error: unknown) => {
        if (!latest()) return;
        warn(`The email could not be converted into the ${field.name}.`, error);
        // The draft stays as it was: a text never converted stays "pending", so the form converts
        // it when it shows the email again (open again, or after a reload) instead of keeping an
        // empty one for good. Meanwhile it is editable and never blocks sending.
        const problem = shownErrorText(error);
        set(item, { conversion: { status: "failed", problem } }, false);
      }
    );
  };
}
