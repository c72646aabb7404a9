import { createContext, useContext, useMemo, useSyncExternalStore } from "react";
import { createJiraMetadata } from "./jira-metadata";
import type { JiraMetadata, MetadataEntry } from "./jira-metadata";
import type { JiraSession } from "./ports";

/**
 * The pane's {@link JiraMetadata} (cached in localStorage), provided by the composition root
 * (src/taskpane/index.tsx) around the App; it must be built on the same session the views get.
 * Without a provider (tests rendering a view alone) each view asks Jira directly.
 */
export const JiraMetadataContext = createContext<JiraMetadata | null>(null);

/** The provided metadata, else an uncached one over `session`. */
export function useJiraMetadata(session: Pick<JiraSession, "withJira">): JiraMetadata {
  const provided = useContext(JiraMetadataContext);
  const own = useMemo(() => (provided ? null : createJiraMetadata(session)), [provided, session]);
  return provided ?? (own as JiraMetadata);
}

/** The entry's revision (see {@link JiraMetadata.revisionOf}); null entry → null. */
export function useMetadataRevision(
  metadata: JiraMetadata,
  entry: MetadataEntry | null
): string | null {
  const read = () => (entry ? metadata.revisionOf(entry) : null);
  return useSyncExternalStore(metadata.subscribe, read, read);
}
