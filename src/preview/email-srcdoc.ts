/**
 * The document the reading pane shows an email in. EMAIL CONTENT IS HOSTILE: the caller puts this into
 * `<iframe sandbox="" srcdoc>` (no scripts, opaque origin), and this module adds a Content-Security-Policy
 * that forbids every load except inline styles and data: images, so a message can't run code, reach
 * the network (tracking pixels, remote CSS/fonts) or touch the preview page. Inline `cid:` images are
 * resolved from the message's own attachments.
 */
import type { PreviewAttachment, PreviewMessage } from "./message-model";

export const EMAIL_BODY_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

// <base target="_blank">: a clicked link would open a new window, which the sandbox (no allow-popups)
// refuses, instead of loading a remote page inside the frame.
const PROLOGUE = `<!DOCTYPE html><meta http-equiv="Content-Security-Policy" content="${EMAIL_BODY_CSP}"><base target="_blank">`;

/** The srcdoc for a message's body: its HTML, or its text in a pre-wrapped block. */
export function buildEmailSrcdoc(
  message: Pick<PreviewMessage, "bodyHtml" | "bodyText" | "attachments">
): string {
  if (message.bodyHtml !== null) {
    return (
      PROLOGUE + withoutMetaRefresh(resolveCidReferences(message.bodyHtml, message.attachments))
    );
  }
  return (
    PROLOGUE +
    `<pre dir="auto" style="white-space:pre-wrap;word-wrap:break-word;font-family:Segoe UI,system-ui,sans-serif;margin:0">` +
    escapeHtml(message.bodyText ?? "") +
    "</pre>"
  );
}

/** Replaces `cid:<content-id>` references with data: URLs of the matching attachments; unknown ones stay (and are blocked). */
export function resolveCidReferences(
  html: string,
  attachments: readonly PreviewAttachment[]
): string {
  const byContentId = new Map<string, PreviewAttachment>();
  for (const attachment of attachments) {
    if (attachment.contentId !== undefined) {
      byContentId.set(attachment.contentId.toLowerCase(), attachment);
    }
  }
  return html.replace(/cid:([^"'\s)>]+)/gi, (reference, id: string) => {
    const attachment = byContentId.get(safeDecode(id).toLowerCase());
    return attachment
      ? `data:${attachment.contentType};base64,${attachment.contentBase64}`
      : reference;
  });
}

/** Removes `<meta http-equiv="refresh">` (a navigation the CSP doesn't cover). */
function withoutMetaRefresh(html: string): string {
  return html.replace(/<meta\b[^>]*http-equiv\s*=\s*["']?\s*refresh[^>]*>/gi, "");
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
