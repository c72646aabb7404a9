/**
 * Where the user's issues went, so the next email starts in the right place: the last used
 * project, issue type and "Attach the email" choice, and per conversation and per sender the last
 * project, issue type and issue. Per conversation also the last few issues its emails went to (by
 * create or comment), so a later reply offers them in "Add to issue" (item custom properties stay
 * on one email; a reply doesn't see them). Kept in roaming settings, so it follows the user to every
 * Outlook.
 *
 * Roaming settings hold 32 KB in all, shared with the Jira token (a save past it fails with 9057,
 * learn.microsoft.com/office/dev/add-ins/outlook/metadata-for-an-outlook-add-in): this memory stays
 * well under 4 KB. Conversation ids (often 100+ characters) and sender addresses are stored as
 * short hashes: shorter, and the settings (readable by admins through EWS) don't list who wrote.
 *
 * A convenience only: a failed save is logged and otherwise ignored.
 */
import type { MailMessage } from "../../mail/mail-message";
import type { DestinationSuggestion } from "./new-issue-draft";
import type { SettingsStorage } from "../ports";

/** The roaming settings name. */
export const DESTINATIONS_SETTING = "jira-destinations";
/** Entries kept per kind (conversations, senders), most recent first. */
export const MAX_REMEMBERED = 30;
/** The JSON of the setting stays below this many characters. */
export const MAX_SETTING_CHARS = 3500;
/** Issue keys kept per conversation, newest first. */
export const MAX_ISSUES_PER_CONVERSATION = 3;

/** Where one issue went. */
export interface RememberedDestination {
  projectKey: string;
  issueTypeId: string;
  issueKey: string;
  attachEmail: boolean;
}

/** The memory of where issues went. */
export interface DestinationMemory {
  /** This conversation's last destination, else this sender's, else the last used; undefined: none. */
  suggest(message: Pick<MailMessage, "conversationId" | "from">): DestinationSuggestion | undefined;
  /** The last "Attach the email (.eml)" choice (false when none). */
  lastAttachEmail(): boolean;
  /** Records a created issue for the email's conversation and sender, and as the last used. */
  remember(
    message: Pick<MailMessage, "conversationId" | "from">,
    destination: RememberedDestination
  ): Promise<void>;
  /**
   * Records a comment added to an issue for the email's conversation and sender (not as the last
   * used: that stays the last create's project, issue type and .eml choice).
   */
  rememberComment(
    message: Pick<MailMessage, "conversationId" | "from">,
    destination: CommentDestination
  ): Promise<void>;
  /** The issue keys this conversation's emails went to (create or comment), newest first. */
  issuesOfConversation(message: Pick<MailMessage, "conversationId">): string[];
}

/** Where a comment went: the issue and its project and issue type. */
export type CommentDestination = Omit<RememberedDestination, "attachEmail">;

/** Options of {@link createDestinationMemory}. */
export interface DestinationMemoryOptions {
  /** Where failures are reported. Default: console.warn. */
  warn?: (message: string, error: unknown) => void;
}

/**
 * One remembered destination: [hash, projectKey, issueTypeId, issueKey] (compact on purpose). A
 * conversation's entry continues with its earlier issue keys, newest first, up to
 * {@link MAX_ISSUES_PER_CONVERSATION} keys in all: still formatVersion 1, so values stored before
 * (four items) read as they are.
 */
type Entry = [string, string, string, string, ...string[]];

interface StoredDestinations {
  formatVersion: 1;
  last?: { projectKey: string; issueTypeId: string; attachEmail: boolean };
  conversations: Entry[];
  senders: Entry[];
}

/** The memory over `settings` (the same instance the session keeps the token in). */
export function createDestinationMemory(
  settings: SettingsStorage,
  options: DestinationMemoryOptions = {}
): DestinationMemory {
  const warn = options.warn ?? ((message, error) => console.warn(message, error));

  function read(): StoredDestinations {
    try {
      return parseDestinations(settings.get(DESTINATIONS_SETTING));
    } catch (error) {
      warn("The remembered Jira destinations could not be read.", error);
      return { formatVersion: 1, conversations: [], senders: [] };
    }
  }

  return {
    suggest(message) {
      const stored = read();
      const conversation = find(stored.conversations, conversationHash(message.conversationId));
      if (conversation) return suggestion("conversation", conversation);
      const sender = find(stored.senders, senderHash(message.from?.address));
      if (sender) return suggestion("sender", sender);
      if (!stored.last) return undefined;
      const { projectKey, issueTypeId } = stored.last;
      return { reason: "last-used", projectKey, issueTypeId };
    },

    lastAttachEmail: () => read().last?.attachEmail ?? false,

    async remember(message, destination) {
      const { projectKey, issueTypeId, attachEmail } = destination;
      const stored = read();
      stored.last = { projectKey, issueTypeId, attachEmail };
      await save(withDestination(stored, message, destination));
    },

    async rememberComment(message, destination) {
      await save(withDestination(read(), message, destination));
    },

    issuesOfConversation(message) {
      const entry = find(read().conversations, conversationHash(message.conversationId));
      return entry ? entry.slice(3) : [];
    },
  };

  async function save(stored: StoredDestinations): Promise<void> {
    try {
      settings.set(DESTINATIONS_SETTING, bounded(stored));
      await settings.save();
    } catch (error) {
      warn("Where the issue went could not be remembered for the next email.", error);
    }
  }
}

/** `stored` with `destination` as the newest of the email's conversation and sender. */
function withDestination(
  stored: StoredDestinations,
  message: Pick<MailMessage, "conversationId" | "from">,
  destination: CommentDestination
): StoredDestinations {
  const { projectKey, issueTypeId, issueKey } = destination;
  const conversation = conversationHash(message.conversationId);
  const sender = senderHash(message.from?.address);
  const result = { ...stored };
  if (conversation) {
    const earlier = find(stored.conversations, conversation)?.slice(3) ?? [];
    const keys = [issueKey, ...earlier.filter((key) => key !== issueKey)];
    result.conversations = withEntry(stored.conversations, [
      conversation,
      projectKey,
      issueTypeId,
      ...(keys.slice(0, MAX_ISSUES_PER_CONVERSATION) as [string, ...string[]]),
    ]);
  }
  if (sender) {
    result.senders = withEntry(stored.senders, [sender, projectKey, issueTypeId, issueKey]);
  }
  return result;
}

function suggestion(reason: "conversation" | "sender", entry: Entry): DestinationSuggestion {
  const [, projectKey, issueTypeId, issueKey] = entry;
  return { reason, projectKey, issueTypeId, issueKey };
}

function find(entries: Entry[], hash: string | undefined): Entry | undefined {
  return hash ? entries.find((entry) => entry[0] === hash) : undefined;
}

function withEntry(entries: Entry[], entry: Entry): Entry[] {
  return [entry, ...entries.filter((other) => other[0] !== entry[0])].slice(0, MAX_REMEMBERED);
}

/** Drops the oldest entries, senders and conversations in turn, until the JSON is small enough. */
function bounded(stored: StoredDestinations): StoredDestinations {
  const result = {
    ...stored,
    conversations: [...stored.conversations],
    senders: [...stored.senders],
  };
  let dropSender = true;
  while (JSON.stringify(result).length > MAX_SETTING_CHARS) {
    const list = dropSender && result.senders.length > 0 ? result.senders : result.conversations;
    if (list.length === 0) break;
    list.pop();
    dropSender = !dropSender;
  }
  return result;
}

/** The stored value read back; anything unexpected (another format, damage) starts empty. */
export function parseDestinations(value: unknown): StoredDestinations {
  const empty: StoredDestinations = { formatVersion: 1, conversations: [], senders: [] };
  if (typeof value !== "object" || value === null) return empty;
  const record = value as Record<string, unknown>;
  if (record.formatVersion !== 1) return empty;
  const last = record.last as Record<string, unknown> | undefined;
  const validLast =
    typeof last === "object" &&
    last !== null &&
    typeof last.projectKey === "string" &&
    typeof last.issueTypeId === "string";
  return {
    formatVersion: 1,
    ...(validLast
      ? {
          last: {
            projectKey: last.projectKey as string,
            issueTypeId: last.issueTypeId as string,
            attachEmail: last.attachEmail === true,
          },
        }
      : {}),
    conversations: parseEntries(record.conversations, MAX_ISSUES_PER_CONVERSATION),
    senders: parseEntries(record.senders, 1),
  };
}

/** Well-formed entries with at most `maxIssueKeys` issue keys each (extra keys are cut). */
function parseEntries(value: unknown, maxIssueKeys: number): Entry[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(
      (entry): entry is Entry =>
        Array.isArray(entry) &&
        entry.length >= 4 &&
        entry.every((part: unknown) => typeof part === "string")
    )
    .slice(0, MAX_REMEMBERED)
    .map((entry) => entry.slice(0, 3 + maxIssueKeys) as Entry);
}

function conversationHash(conversationId: string | undefined): string | undefined {
  return conversationId ? shortHash(`c:${conversationId}`) : undefined;
}

function senderHash(address: string | undefined): string | undefined {
  const normalized = address?.trim().toLowerCase();
  return normalized ? shortHash(`s:${normalized}`) : undefined;
}

const FNV_OFFSET_BASIS_64 = 0xcbf29ce484222325n;
const FNV_PRIME_64 = 0x100000001b3n;
const MASK_64 = 0xffffffffffffffffn;

/**
 * FNV-1a 64 of the UTF-8 bytes, as 16 hex digits (www.isthe.com/chongo/tech/comp/fnv/): not a
 * secret, just short and stable; a collision among 30 entries is vanishingly unlikely, and would
 * only suggest a wrong project.
 */
function shortHash(text: string): string {
  let hash = FNV_OFFSET_BASIS_64;
  for (const byte of new TextEncoder().encode(text)) {
    hash = ((hash ^ BigInt(byte)) * FNV_PRIME_64) & MASK_64;
  }
  return hash.toString(16).padStart(16, "0");
}
