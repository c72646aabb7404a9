/**
 * The task pane UI against hand-made ports (no Office at all): what it shows for an email, for no
 * email, and how it follows selection and theme changes reported by the host.
 */
import { renderToStaticMarkup } from "react-dom/server";
import type { MailMessage } from "../../../src/mail/mail-message";
import { App } from "../../../src/ui/App";
import type { MailboxPort, ThemeName, ThemePort } from "../../../src/ui/ports";

const message: MailMessage = {
  itemId: "item-1",
  subject: "RE: [SUP-2] VPN drops every hour",
  from: { name: "Chris Young", address: "chris@contoso.example" },
  to: [],
  cc: [],
  sentAt: new Date("2026-11-30T09:15:00Z"),
  internetMessageId: "<1@contoso.example>",
  conversationId: "conv-1",
  attachments: [
    { id: "a1", name: "log.txt", contentType: "text/plain", size: 10, isInline: false },
    { id: "a2", name: "image001.png", contentType: "image/png", size: 10, isInline: true },
  ],
};

function fixedMailbox(current: MailMessage | null): MailboxPort {
  return { currentMessage: () => current, subscribeToMessageChanges: () => () => undefined };
}

function fixedTheme(theme: ThemeName): ThemePort {
  return { current: () => theme, subscribe: () => () => undefined };
}

const render = (mailbox: MailboxPort, theme: ThemePort) =>
  renderToStaticMarkup(<App mailbox={mailbox} theme={theme} locale="en-US" />);

describe("App", () => {
  it("shows the current email's subject, sender, date and file attachments (inline images not counted)", () => {
    const html = render(fixedMailbox(message), fixedTheme("light"));
    expect(html).toContain("RE: [SUP-2] VPN drops every hour");
    expect(html).toContain("Chris Young &lt;chris@contoso.example&gt;");
    expect(html).toContain("Nov 30, 2026");
    expect(html).toContain("1 attachment");
    expect(html).toContain('data-theme="light"');
  });

  it("says no email is selected when the pinned pane has no item", () => {
    const html = render(fixedMailbox(null), fixedTheme("light"));
    expect(html).toContain("No email selected");
    expect(html).not.toContain("Current email");
  });

  it("uses the dark theme when Office is dark", () => {
    expect(render(fixedMailbox(message), fixedTheme("dark"))).toContain('data-theme="dark"');
  });

  it("escapes markup in email fields instead of rendering it", () => {
    const hostile = { ...message, subject: '<img src=x onerror="alert(1)">Hi' };
    const html = render(fixedMailbox(hostile), fixedTheme("light"));
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;Hi");
  });
});
