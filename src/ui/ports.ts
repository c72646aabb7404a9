/**
 * What the UI needs from its surroundings, as interfaces. src/taskpane/ builds the concrete
 * adapters (src/office/ for Outlook) and hands them in; components never touch globals, so they
 * run against any implementation, e.g. a fake host in a unit test.
 */
import type {
  MailAttachmentInfo,
  MailBody,
  MailFile,
  MailMessage,
  ThreadHeaders,
} from "../mail/mail-message";

export type { ThreadHeaders } from "../mail/mail-message";

/**
 * The pane's theme: light, dark, or high contrast (a Windows contrast theme, seen as Office's
 * black-and-white theme colours or the browser's `forced-colors: active`).
 */
export type ThemeName = "light" | "dark" | "highContrast";
export type Unsubscribe = () => void;

/** The email the pane is looking at. */
export interface MailboxPort {
  /** The selected email, or null when none is (a pinned pane between selections). */
  currentMessage(): MailMessage | null;
  /** Called when the user selects another item while the pane is pinned. */
  subscribeToMessageChanges(listener: () => void, onError: (error: Error) => void): Unsubscribe;
}

/** Light, dark or high contrast, as the host decides (Office's theme, else the operating system's). */
export interface ThemePort {
  current(): ThemeName;
  subscribe(listener: (theme: ThemeName) => void, onError: (error: Error) => void): Unsubscribe;
}

/** The Jira session (sign-in state and the door to Jira): src/session/ implements it. */
export type {
  JiraSession,
  SessionState,
  SessionNotice,
  JiraAccount,
} from "../session/session-types";

/**
 * Where the pane keeps what the user typed, so it survives failures, sign-out, re-sign-in and the
 * closing of the pane (localStorage in the pane, src/taskpane/local-storage-drafts.ts; memory in
 * tests). Keys are chosen by the views, e.g. `new-issue:<itemId>` (src/ui/new-issue/new-issue-item.ts).
 */
export interface DraftStore {
  load(key: string): unknown;
  save(key: string, value: unknown): void;
  remove(key: string): void;
}

/** Where an attachment or the whole email can be read from on this Outlook client. */
export type MailContentSource =
  /** Office.js: getAttachmentContentAsync (Mailbox 1.8), getAsFileAsync (Mailbox 1.14). */
  | "office"
  /** Exchange Web Services (makeEwsRequestAsync), for on-premises mailboxes limited to Mailbox 1.5. */
  | "ews"
  /** Neither: the pane says so and offers nothing it can't deliver. */
  | "none";

/** What this client can read, decided once from the requirement sets. */
export interface MailContentCapabilities {
  attachments: MailContentSource;
  wholeMessage: MailContentSource;
}

/**
 * The content of the email the pane shows: body, attachments, the whole message. Every read is
 * for one email; Outlook fails it (OfficeError 9030) when the user selected another meanwhile.
 */
export interface MailContentPort {
  readonly capabilities: MailContentCapabilities;
  readBody(message: MailMessage): Promise<MailBody>;
  /**
   * One attachment's decoded content. Rejects with an Error with a `code`: `attachment_unavailable`
   * (a cloud attachment, or no way to read content on this client), or Office's numeric code.
   */
  readAttachment(message: MailMessage, attachment: MailAttachmentInfo): Promise<MailFile>;
  /** The whole email as .eml (message/rfc822), named after its subject. Same errors. */
  readWholeMessage(message: MailMessage): Promise<MailFile>;
  /**
   * The headers that tie the email to its thread (getAllInternetHeadersAsync, Mailbox 1.8), where
   * issue keys and Jira's own Message-IDs are found. Resolves with empty lists when this client
   * can't read headers (Mailbox 1.5) or the email has none; rejects only on Office's failure.
   */
  readThreadHeaders(message: MailMessage): Promise<ThreadHeaders>;
}

/** One Jira issue an email was linked to by the add-in. */
export interface EmailIssueLink {
  issueKey: string;
  issueId: string;
  /** The Jira the issue lives in (a user may switch Jira). */
  jiraBaseUrl: string;
  /** "created": the issue was made from this email; "commented": the email was added as a comment. */
  kind: "created" | "commented";
  /** ISO 8601. */
  linkedAt: string;
}

/**
 * The links kept on the email itself (Outlook item custom properties: per item, per add-in, at
 * most 2,500 characters of JSON, roaming with the mailbox), so any Outlook client opening the email
 * shows "Linked to SUP-12".
 */
export interface EmailLinksPort {
  /** The email's links, newest first; [] when none or unreadable data. */
  read(message: MailMessage): Promise<EmailIssueLink[]>;
  /**
   * Adds (or refreshes, same issueKey + jiraBaseUrl) a link and saves. Drops the oldest links when
   * the 2,500-character limit would be exceeded. Rejects with an Error with Office's numeric `code`.
   */
  record(message: MailMessage, link: EmailIssueLink): Promise<void>;
}

/** Roaming settings (the session's port), also used by the UI for small per-user memories. */
export type { SettingsStorage } from "../session/session-ports";
