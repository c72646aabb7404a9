import type { AttachmentMeta } from "../../jira/jira-types";
import type { JiraAttachmentLimits } from "./attachment-choices";
import type { JiraSession } from "../ports";
import { useJiraLoad } from "../use-jira-load";
import { useJiraMetadata, useMetadataRevision } from "../use-jira-metadata";

/**
 * Jira's attachment settings (enabled, upload limit), from the pane's Jira metadata (kept between
 * page loads, asked through `session.withJira` while signed in); undefined until known (and when
 * they couldn't be read: then nothing is refused early, and Jira's own answer to an upload says
 * what is wrong).
 */
export function useAttachmentMeta(
  session: Pick<JiraSession, "withJira">,
  signedIn: boolean
): JiraAttachmentLimits | undefined {
  const metadata = useJiraMetadata(session);
  const revision = useMetadataRevision(metadata, { kind: "attachment-meta" });
  const meta = useJiraLoad<AttachmentMeta>(
    `attachment-meta#${revision}`,
    signedIn,
    () => metadata.attachmentMeta(),
    () => metadata.peek({ kind: "attachment-meta" })
  );
  return meta.status === "loaded"
    ? { enabled: meta.value.enabled, uploadLimit: meta.value.uploadLimit }
    : undefined;
}
