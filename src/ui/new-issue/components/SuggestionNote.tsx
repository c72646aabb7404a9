import { Caption1 } from "@fluentui/react-components";
import type { DestinationSuggestion } from "../new-issue-draft";
import { t } from "../../../i18n/translate";

export interface SuggestionNoteProps {
  suggestion: DestinationSuggestion;
  /** The suggested project's name, once the projects are loaded. */
  projectName?: string;
  /** The suggestion's sender (for "earlier emails from …"). */
  senderAddress?: string;
}

/** Why the project and issue type are preselected. */
export function SuggestionNote({ suggestion, projectName, senderAddress }: SuggestionNoteProps) {
  return (
    <Caption1 data-testid="destination-suggestion" dir="auto">
      {suggestionText(suggestion, projectName, senderAddress)}
    </Caption1>
  );
}

/** "Suggested: earlier emails of this conversation went to SUP-12 in Customer Support." */
export function suggestionText(
  suggestion: DestinationSuggestion,
  projectName: string | undefined,
  senderAddress: string | undefined
): string {
  const project = projectName ?? suggestion.projectKey;
  const where = suggestion.issueKey
    ? t("newIssue.suggestedIssueInProject", { issueKey: suggestion.issueKey, project })
    : project;
  switch (suggestion.reason) {
    case "conversation":
      return t("newIssue.suggestedByConversation", { where });
    case "sender":
      return senderAddress
        ? t("newIssue.suggestedBySender", { sender: senderAddress, where })
        : t("newIssue.suggestedByUnknownSender", { where });
    default:
      return t("newIssue.suggestedLastUsed", { project });
  }
}
