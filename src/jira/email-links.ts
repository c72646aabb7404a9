/**
 * What the add-in writes on a Jira issue to remember an email (contract: email-reference.ts): the
 * `EmailReference` kept in the issue property {@link EMAIL_PROPERTY_KEY}, the bounded merge of a new
 * reference into whatever the property already holds, and the remote link back to the email.
 *
 * Everything here comes from an email, so it is hostile: strings are capped, an existing property
 * value of any other shape is replaced rather than trusted, and nothing is ever loaded or run.
 */
import type { MailMessage } from "../mail/mail-message";
import type { EmailPropertyValue, EmailReference } from "./email-reference";
import type { RemoteLinkInput } from "./jira-types";

/** Most email references kept in one issue's property (the oldest are dropped first). */
export const MAX_EMAIL_REFERENCES = 50;
/**
 * Largest property JSON the add-in writes, in UTF-8 bytes. Jira's limit is 32,768
 * (jira.json.property.value.max.length); staying at 24 KB leaves room for other writers' formats
 * and for Jira counting differently (developer.atlassian.com/server/jira/platform/entity-properties/).
 */
export const MAX_EMAIL_PROPERTY_BYTES = 24 * 1024;
/** Jira stores a remote link's globalId in a 255-character column. */
export const MAX_GLOBAL_ID_LENGTH = 255;

/** The prefix of every globalId the add-in writes for an email. */
export const EMAIL_GLOBAL_ID_PREFIX = "outlook-message:";
/** The prefix of a globalId whose Message-ID was too long to keep whole (hash appended). */
const HASHED_GLOBAL_ID_INFIX = "#fnv1a64:";

// Caps on what an email can put into the property: RFC 5322 allows 998-character header lines, and
// a subject, a name or an id of that size must not crowd the other references out.
const LIMITS = {
  messageId: 998,
  conversationId: 512,
  subject: 255,
  name: 255,
  /** RFC 5321: 64 + @ + 255. */
  address: 320,
  attemptId: 100,
  /** ISO 8601 with milliseconds and an offset is ~29 characters. */
  timestamp: 40,
} as const;

/** A bad input to the builders: `no_message_id` (an email without a Message-ID). */
export class EmailLinkError extends Error {
  override readonly name = "EmailLinkError";
  readonly code: "no_message_id";

  constructor(code: "no_message_id", message: string) {
    super(message);
    this.code = code;
  }
}

/**
 * The reference to `message` stored on an issue: `kind` says how the email reached the issue,
 * `attemptId` is the pane's random id of this attempt (a retry finds its own work by it), `now` is
 * when it was linked. Strings are capped (subject at 255 characters).
 */
export function emailReference(
  message: MailMessage,
  kind: EmailReference["kind"],
  attemptId: string,
  now: Date
): EmailReference {
  return {
    messageId: cap(message.internetMessageId, LIMITS.messageId),
    conversationId: cap(message.conversationId, LIMITS.conversationId),
    sender: message.from
      ? {
          name: cap(message.from.name, LIMITS.name),
          address: cap(message.from.address, LIMITS.address),
        }
      : null,
    subject: cap(message.subject, LIMITS.subject),
    sentAt: isoOrNull(message.sentAt),
    kind,
    attemptId: cap(attemptId, LIMITS.attemptId),
    linkedAt: now.toISOString(),
  };
}

/**
 * The property value after adding `reference` to what the property holds now (`existing`:
 * the `value` read from Jira, or undefined when the issue has none). A value in any other shape
 * (another format, another app's data, something hostile) is not kept: the result starts fresh.
 * An entry with the same messageId, kind and attemptId is replaced (the new one goes last, so the
 * list stays oldest first); otherwise the reference is appended. At most
 * {@link MAX_EMAIL_REFERENCES} entries and {@link MAX_EMAIL_PROPERTY_BYTES} of JSON are kept, by
 * dropping the oldest; `reference` itself is always kept.
 */
export function mergeEmailProperty(
  existing: unknown,
  reference: EmailReference
): EmailPropertyValue {
  const added = sanitizeReference(reference);
  if (!added) {
    throw new TypeError("mergeEmailProperty: the reference must be an EmailReference.");
  }
  const kept = existingReferences(existing).filter((entry) => !sameReference(entry, added));
  const emails = [...kept.slice(-(MAX_EMAIL_REFERENCES - 1)), added];
  const value: EmailPropertyValue = { formatVersion: 1, emails };
  while (value.emails.length > 1 && jsonBytes(value) > MAX_EMAIL_PROPERTY_BYTES) {
    value.emails.shift();
  }
  return value;
}

/**
 * The remote link's globalId for an email: {@link EMAIL_GLOBAL_ID_PREFIX} + the Message-ID without
 * angle brackets, trimmed, so every recipient's copy (and every retry) names the same link and a
 * second POST updates it instead of adding another. Past 255 characters: the prefix, the start of
 * the id and an FNV-1a 64 hash of the whole id. FNV is not collision-resistant against a crafted
 * pair; the worst such a pair can do is make two emails on the same issue share one link, since a
 * globalId only names a link within one issue. Throws {@link EmailLinkError} `no_message_id` for
 * an empty Message-ID.
 */
export function emailGlobalId(internetMessageId: string): string {
  const id = bareMessageId(internetMessageId);
  const whole = EMAIL_GLOBAL_ID_PREFIX + id;
  if (whole.length <= MAX_GLOBAL_ID_LENGTH) return whole;
  const hash = HASHED_GLOBAL_ID_INFIX + fnv1a64Hex(id);
  const room = MAX_GLOBAL_ID_LENGTH - EMAIL_GLOBAL_ID_PREFIX.length - hash.length;
  return EMAIL_GLOBAL_ID_PREFIX + cap(id, room) + hash;
}

/** Options of {@link emailRemoteLink}. */
export interface EmailRemoteLinkOptions {
  /** A 16×16 icon Jira shows beside the link (an absolute URL the add-in serves). */
  iconUrl?: string;
}

/**
 * The remote link from an issue back to `message` (`POST issue/{key}/remotelink`): an upsert by
 * {@link emailGlobalId}, titled with the subject, summarised with sender and date. Throws
 * {@link EmailLinkError} `no_message_id` for an email without a Message-ID.
 */
export function emailRemoteLink(
  message: MailMessage,
  options: EmailRemoteLinkOptions = {}
): RemoteLinkInput {
  const globalId = emailGlobalId(message.internetMessageId);
  const subject = cap(message.subject.trim(), LIMITS.subject);
  return {
    globalId,
    application: { type: "com.microsoft.outlook", name: "Outlook" },
    relationship: "email",
    object: {
      // There is no web URL for an email that works for every reader: Outlook on the web's
      // deep links hold the item id of one mailbox, and desktop Outlook has none. `mid:` (RFC 2392)
      // names the message by its Message-ID, the same for every recipient; mail clients that
      // understand it open the email, and Jira only stores the string.
      url: `mid:${encodeMidAddrSpec(bareMessageId(message.internetMessageId))}`,
      title: subject === "" ? "(no subject)" : subject,
      summary: linkSummary(message),
      icon: {
        ...(options.iconUrl === undefined ? {} : { url16x16: options.iconUrl }),
        title: "Email",
      },
    },
  };
}

/** "From Jane Doe <jane@example.com>, 2024-05-01T10:00:00.000Z" (sender and date when known). */
function linkSummary(message: MailMessage): string {
  const from = message.from;
  const name = from ? cap(from.name.trim(), LIMITS.name) : "";
  const address = from ? cap(from.address.trim(), LIMITS.address) : "";
  const sender =
    name !== "" && address !== "" && name !== address
      ? `${name} <${address}>`
      : address || name || "an unknown sender";
  const sentAt = isoOrNull(message.sentAt);
  return sentAt === null ? `From ${sender}` : `From ${sender}, ${sentAt}`;
}

/** The Message-ID trimmed and without its angle brackets; throws when nothing is left. */
function bareMessageId(internetMessageId: string): string {
  const trimmed = internetMessageId.trim();
  const bare = (
    trimmed.startsWith("<") && trimmed.endsWith(">") ? trimmed.slice(1, -1) : trimmed
  ).trim();
  if (bare === "") {
    throw new EmailLinkError(
      "no_message_id",
      "This email has no Message-ID, so Jira can't be given a link back to it. " +
        "Open the email from the mailbox (not a draft or a copy in another program) and try again."
    );
  }
  return bare;
}

/**
 * RFC 2392's url-addr-spec: the Message-ID with every character that is not an RFC 3986 path
 * character (`pchar`) percent-encoded as UTF-8. `/` is encoded too: in a mid: URL it separates
 * the message from a Content-ID.
 */
function encodeMidAddrSpec(id: string): string {
  let encoded = "";
  for (const character of id) {
    if (/^[A-Za-z0-9\-._~!$&'()*+,;=:@]$/.test(character)) {
      encoded += character;
    } else {
      for (const byte of new TextEncoder().encode(character)) {
        encoded += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
      }
    }
  }
  return encoded;
}

const FNV_OFFSET_BASIS_64 = 0xcbf29ce484222325n;
const FNV_PRIME_64 = 0x100000001b3n;
const MASK_64 = 0xffffffffffffffffn;

/** FNV-1a 64 of the UTF-8 bytes, 16 hex digits (www.isthe.com/chongo/tech/comp/fnv/). */
function fnv1a64Hex(text: string): string {
  let hash = FNV_OFFSET_BASIS_64;
  for (const byte of new TextEncoder().encode(text)) {
    hash = ((hash ^ BigInt(byte)) * FNV_PRIME_64) & MASK_64;
  }
  return hash.toString(16).padStart(16, "0");
}

/** The valid entries of an existing property value; [] for anything that isn't format 1. */
function existingReferences(existing: unknown): EmailReference[] {
  if (!isRecord(existing) || existing.formatVersion !== 1 || !Array.isArray(existing.emails)) {
    return [];
  }
  // Only the newest entries can survive the merge: don't walk a hostile array of millions.
  const emails = (existing.emails as unknown[]).slice(-MAX_EMAIL_REFERENCES);
  return emails
    .map(sanitizeReference)
    .filter((entry): entry is EmailReference => entry !== undefined);
}

/**
 * A copy of `value` built field by field (nothing else of the object survives), strings capped;
 * undefined when it is not an EmailReference.
 */
function sanitizeReference(value: unknown): EmailReference | undefined {
  if (!isRecord(value)) return undefined;
  const { messageId, conversationId, sender, subject, sentAt, kind, attemptId, linkedAt } = value;
  if (
    typeof messageId !== "string" ||
    typeof conversationId !== "string" ||
    typeof subject !== "string" ||
    (sentAt !== null && typeof sentAt !== "string") ||
    (kind !== "created" && kind !== "commented") ||
    typeof attemptId !== "string" ||
    typeof linkedAt !== "string"
  ) {
    return undefined;
  }
  let cleanSender: EmailReference["sender"] = null;
  if (sender !== null) {
    if (!isRecord(sender) || typeof sender.name !== "string" || typeof sender.address !== "string")
      return undefined;
    cleanSender = {
      name: cap(sender.name, LIMITS.name),
      address: cap(sender.address, LIMITS.address),
    };
  }
  return {
    messageId: cap(messageId, LIMITS.messageId),
    conversationId: cap(conversationId, LIMITS.conversationId),
    sender: cleanSender,
    subject: cap(subject, LIMITS.subject),
    sentAt: sentAt === null ? null : cap(sentAt, LIMITS.timestamp),
    kind,
    attemptId: cap(attemptId, LIMITS.attemptId),
    linkedAt: cap(linkedAt, LIMITS.timestamp),
  };
}

function sameReference(a: EmailReference, b: EmailReference): boolean {
  return a.messageId === b.messageId && a.kind === b.kind && a.attemptId === b.attemptId;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** At most `max` UTF-16 code units, never cutting a surrogate pair in half. */
function cap(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end);
}

function isoOrNull(date: Date | null): string | null {
  return date !== null && Number.isFinite(date.getTime()) ? date.toISOString() : null;
}

function jsonBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}
