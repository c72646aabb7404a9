import { Link } from "@fluentui/react-components";
import type { SessionNotice } from "../ports";

export interface NoticeLinkProps {
  link: NonNullable<SessionNotice["link"]>;
}

/** A notice's link, opened outside the pane; only http(s) URLs become links. */
export function NoticeLink({ link }: NoticeLinkProps) {
  if (!isWebUrl(link.url)) {
    return <span dir="auto">{link.label}</span>;
  }
  return (
    <Link href={link.url} target="_blank" rel="noopener noreferrer">
      {link.label}
    </Link>
  );
}

// A javascript: or data: URL in a notice must never become a clickable link.
function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === "https:" || protocol === "http:";
  } catch {
    return false;
  }
}
