import type { AttachmentMeta } from "../../jira/jira-types";
import type { JiraAttachmentLimits } from "./attachment-choices";
import type { JiraSession } from "../ports";
import { useJiraLoad } from "../use-jira-load";

/**
 * Jira's attachment settings (enabled, upload limit), loaded once through `session.withJira` while
 * signed in; undefined until known (and when they couldn't be read: then nothing is refused early,
 * and Jira's own answer to an upload says what is wrong).
 */
export function useAttachmentMeta(
  session: Pick<JiraSession, "withJira">,
  signedIn: boolean
): JiraAttachmentLimits | undefined {
  const meta = useJiraLoad<AttachmentMeta>("attachment-meta", signedIn, () =>
    session.withJira((client) => client.attachmentMeta())
  );
  return meta.status === "loaded"
    ? { enabled: meta.value.enabled, uploadLimit: meta.value.uploadLimit }
    : undefined;
}
