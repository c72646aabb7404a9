/**
 * In-memory stand-ins of the Outlook host for the UI's tests (never of the code under test): an
 * email's content (body, attachments, the whole email) with Outlook's rule that only the open
 * email can be read (9030), the links kept on the email, and an email to make issues from.
 */
import type { MailAttachmentInfo, MailBody, MailMessage } from "../../../src/mail/mail-message";
import type {
  EmailIssueLink,
  EmailLinksPort,
  JiraSession,
  MailContentCapabilities,
  MailContentPort,
  SessionState,
  ThreadHeaders,
} from "../../../src/ui/ports";

/** An email with two files and an inline image, from Chris in conversation "conv-1". */
export function sampleMessage(overrides: Partial<MailMessage> = {}): MailMessage {
  return {
    itemId: "item-1",
    subject: "RE: Printer jams on every job",
    from: { name: "Chris Young", address: "chris@contoso.example" },
    to: [{ name: "Support", address: "support@example.com" }],
    cc: [],
    sentAt: new Date("2026-11-30T09:15:00Z"),
    internetMessageId: "<printer-1@contoso.example>",
    conversationId: "conv-1",
    attachments: [
      file("att-1", "log.txt", "text/plain", 24 * 1024),
      file("att-2", "photo.jpg", "image/jpeg", 3_250_000),
      {
        ...file("att-3", "image001.png", "image/png", 2_000),
        isInline: true,
        contentId: "image001.png@01DA",
      },
    ],
    ...overrides,
  };
}

/** A file attachment's info. */
export function file(
  id: string,
  name: string,
  contentType: string,
  size: number
): MailAttachmentInfo {
  return { id, name, contentType, size, isInline: false, attachmentType: "file" };
}

/** An Error carrying Office's numeric code, like OfficeError. */
export function officeError(code: number, message = `Office error ${code}`) {
  return Object.assign(new Error(message), { code });
}

/** The in-memory MailContentPort and what the test controls. */
export interface MemoryMailContent extends MailContentPort {
  /** The email that is "open": reads of any other fail with 9030, as Outlook's do. */
  current: MailMessage | null;
  /** Every read, e.g. "attachment att-1", "body", "email". */
  reads: string[];
  /** The next read of this attachment id ("email" for the whole email, "body") fails with it. */
  failNext(id: string, error: Error): void;
}

/** Options of {@link memoryMailContent}. */
export interface MemoryMailContentOptions {
  body?: MailBody;
  /** Attachment id → content; absent ids get bytes derived from the id. */
  contents?: Record<string, Uint8Array<ArrayBuffer> | string>;
  /** The .eml content. */
  eml?: string;
  capabilities?: MailContentCapabilities;
  /** What readThreadHeaders gives (default: none). */
  threadHeaders?: ThreadHeaders;
}

/** A MailContentPort reading from memory. */
export function memoryMailContent(
  message: MailMessage,
  options: MemoryMailContentOptions = {}
): MemoryMailContent {
  const failures = new Map<string, Error>();
  const port: MemoryMailContent = {
    current: message,
    reads: [],
    capabilities: options.capabilities ?? { attachments: "office", wholeMessage: "office" },
    failNext(id, error) {
      failures.set(id, error);
    },
    async readBody(read) {
      check(read, "body");
      return options.body ?? { html: null, text: "" };
    },
    async readAttachment(read, attachment) {
      check(read, attachment.id);
      port.reads.push(`attachment ${attachment.id}`);
      const content = options.contents?.[attachment.id] ?? `content of ${attachment.id}`;
      return {
        name: attachment.name,
        contentType: attachment.contentType,
        data: new Blob([content]),
      };
    },
    async readWholeMessage(read) {
      check(read, "email");
      port.reads.push("email");
      return {
        name: "email.eml",
        contentType: "message/rfc822",
        data: new Blob([options.eml ?? `Subject: ${read.subject}\r\n\r\nHello`]),
      };
    },
    async readThreadHeaders(read) {
      check(read, "headers");
      return options.threadHeaders ?? { inReplyTo: [], references: [] };
    },
  };
  function check(read: MailMessage, id: string): void {
    const failure = failures.get(id);
    if (failure) {
      failures.delete(id);
      throw failure;
    }
    if (port.current?.itemId !== read.itemId) {
      throw officeError(9030, `Another email is selected now. Select "${read.subject}" again.`);
    }
  }
  return port;
}

/** The in-memory EmailLinksPort: links per Message-ID, newest first. */
export interface MemoryEmailLinks extends EmailLinksPort {
  links: Map<string, EmailIssueLink[]>;
  /** The next record fails with it. */
  failNextRecord(error: Error): void;
}

export function memoryEmailLinks(): MemoryEmailLinks {
  let failure: Error | undefined;
  const port: MemoryEmailLinks = {
    links: new Map(),
    failNextRecord(error) {
      failure = error;
    },
    async read(message) {
      return [...(port.links.get(message.internetMessageId) ?? [])];
    },
    async record(message, link) {
      if (failure) {
        const error = failure;
        failure = undefined;
        throw error;
      }
      const others = (port.links.get(message.internetMessageId) ?? []).filter(
        (other) => other.issueKey !== link.issueKey || other.jiraBaseUrl !== link.jiraBaseUrl
      );
      port.links.set(message.internetMessageId, [link, ...others]);
    },
  };
  return port;
}

/** A session that stays in one state (rendering never calls the rest). */
export function fixedSession(state: SessionState): JiraSession {
  const unused = () => {
    throw new Error("not used while rendering");
  };
  return {
    getState: () => state,
    subscribe: () => () => undefined,
    start: unused,
    signIn: unused,
    signOut: unused,
    retrySave: unused,
    dismissNotice: unused,
    withJira: unused,
    cancelWaiting: unused,
  };
}
