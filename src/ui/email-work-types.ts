/**
 * The shapes App shares with the lazily loaded views of the open email (email-work.tsx). Types
 * only, so App names them without pulling the views into the pane's first paint.
 */
import type { MailMessage } from "../mail/mail-message";
import type { AddToIssueStore, AddToIssueStoreOptions } from "./add-to-issue/add-to-issue-store";
import type { NewIssueStore } from "./new-issue/new-issue-store";

/** The two views of an email: make a new issue from it, or add it to an existing one. */
export type EmailView = "new-issue" | "add-to-issue";

/**
 * What both views' stores are made from. App keeps one such object per session (memoized), and
 * the stores made from it live as long as it: the drafts and deliveries of every email, for as
 * long as the pane (email-stores.ts makes them, so their code loads with the views).
 */
export type EmailStoreOptions = Pick<
  AddToIssueStoreOptions,
  "session" | "drafts" | "mailContent" | "emailLinks" | "destinations" | "locale" | "linkIconUrl"
>;

/** Both stores' entries of one email. */
export interface EmailStores {
  newIssues: NewIssueStore;
  addToIssue: AddToIssueStore;
  message: MailMessage;
}
