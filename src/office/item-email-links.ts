/**
 * The EmailLinksPort over Outlook item custom properties (`item.loadCustomPropertiesAsync`,
 * Mailbox 1.1, "read item" permission): per item and per add-in, roaming with the mailbox, so any
 * Outlook opening the email shows "Linked to SUP-12". The stored format is email-links-codec.ts's.
 *
 * Outlook loads custom properties of the selected item only, so a message that is no longer
 * selected reads as no links and can't be written (`item_not_current`). Records of one item run
 * one after another (see {@link inTurn}), so links delivered at the same time are all kept.
 *
 * Saving can fail two ways, both turned into a rejected OfficeError with a numeric code by
 * officeCall: office.js checks the 2,500-character limit itself and THROWS from `saveAsync`
 * (outlook-web-16.01: Sys.ArgumentOutOfRangeException, code 0 here), while the host reports other
 * failures (offline, item switched) in the AsyncResult with Office's code.
 */
import type { MailMessage } from "../mail/mail-message";
import type { EmailIssueLink, EmailLinksPort } from "../ui/ports";
import {
  EMAIL_LINKS_PROPERTY,
  decodeEmailLinks,
  fitEmailLinks,
  isValidEmailLink,
  withLinkFirst,
} from "./email-links-codec";
import { MailItemError } from "./mail-item-error";
import { officeCall } from "./office-async";

/** Creates the EmailLinksPort for the pane. */
export function createItemEmailLinks(): EmailLinksPort {
  return {
    async read(message: MailMessage): Promise<EmailIssueLink[]> {
      const item = selectedItem(message);
      if (!item) return [];
      const properties = await loadProperties(item);
      return decodeEmailLinks(properties.get(EMAIL_LINKS_PROPERTY));
    },

    async record(message: MailMessage, link: EmailIssueLink): Promise<void> {
      if (!isValidEmailLink(link)) {
        throw new MailItemError(
          "invalid_link",
          `The link to ${JSON.stringify(link.issueKey)} can't be kept on the email: its issue ` +
            "key, id, Jira URL or date is malformed."
        );
      }
      return inTurn(message.itemId, () => recordNow(message, link));
    },
  };
}

/**
 * The last record of each item still running (or waiting). A record loads the item's properties,
 * adds its link and saves them all: two at once (New issue and Add to issue delivering on one
 * email) would both load the same list and the later save would drop the other's link, so the
 * records of one item run one after another. Emptied as the chains finish.
 */
const recordsInFlight = new Map<string, Promise<void>>();

/** Runs `record` after every earlier record of `itemId` has settled (failed or not). */
function inTurn(itemId: string, record: () => Promise<void>): Promise<void> {
  const previous = recordsInFlight.get(itemId) ?? Promise.resolve();
  const run = previous.then(record);
  const tail = run.catch(() => undefined);
  recordsInFlight.set(itemId, tail);
  void tail.then(() => {
    if (recordsInFlight.get(itemId) === tail) recordsInFlight.delete(itemId);
  });
  return run;
}

async function recordNow(message: MailMessage, link: EmailIssueLink): Promise<void> {
  // Checked in turn: the user may have selected another email while earlier records ran.
  const item = selectedItem(message);
  if (!item) {
    throw new MailItemError(
      "item_not_current",
      `Another email is selected now, so the link to ${link.issueKey} can't be kept on ` +
        `"${message.subject}". Select that email again and retry.`
    );
  }
  const properties = await loadProperties(item);
  const links = withLinkFirst(decodeEmailLinks(properties.get(EMAIL_LINKS_PROPERTY)), link);
  const otherProperties: Record<string, unknown> = { ...properties.getAll() };
  delete otherProperties[EMAIL_LINKS_PROPERTY];
  properties.set(EMAIL_LINKS_PROPERTY, fitEmailLinks(links, otherProperties));
  await officeCall<void>((callback) => properties.saveAsync(callback));
}

function selectedItem(message: MailMessage): Office.MessageRead | null {
  const item = Office.context.mailbox.item as Office.MessageRead | null | undefined;
  return item && item.itemId === message.itemId ? item : null;
}

function loadProperties(item: Office.MessageRead): Promise<Office.CustomProperties> {
  return officeCall<Office.CustomProperties>((callback) =>
    item.loadCustomPropertiesAsync(callback)
  );
}
