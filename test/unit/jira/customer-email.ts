// The email the Jira-side tests remember on an issue: a customer's report whose Message-ID holds
// an "=" (a character mid: URLs and globalIds must carry as it is).
import type { MailMessage } from "../../../src/mail/mail-message";

/** The customer's email, with `overrides`. */
export function customerEmail(overrides: Partial<MailMessage> = {}): MailMessage {
  return {
    itemId: "AAMkAGI2TG93AAA=",
    subject: "Printer jams on every second page",
    from: { name: "Finance Team", address: "finance@customer.example" },
    to: [{ name: "Support", address: "support@example.com" }],
    cc: [],
    sentAt: new Date("2026-05-03T16:45:12.000Z"),
    internetMessageId: "<CAF=abc123@mail.customer.example>",
    conversationId: "AAQkAGI2TG93conv=",
    attachments: [],
    ...overrides,
  };
}
