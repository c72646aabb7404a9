/**
 * A Content-ID as Outlook (AttachmentDetails.contentId, Mailbox 1.8) or a MIME part's header gives
 * it, without the angle brackets of the header form, so it compares with the id in an HTML body's
 * `cid:` URL (RFC 2392); undefined when there is none (older clients) or it is empty.
 */
export function bareContentId(contentId: string | undefined): string | undefined {
  const bare = (contentId ?? "")
    .trim()
    .replace(/^<(.*)>$/, "$1")
    .trim();
  return bare === "" ? undefined : bare;
}
