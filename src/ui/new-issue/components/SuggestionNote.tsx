import { Caption1 } from "@fluentui/react-components";
import type { DestinationSuggestion } from "../new-issue-draft";

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
  const where = suggestion.issueKey ? `${suggestion.issueKey} in ${project}` : project;
  switch (suggestion.reason) {
    case "conversation":
      return `Suggested: earlier emails of this conversation went to ${where}.`;
    case "sender":
      return senderAddress
        ? `Suggested: earlier emails from ${senderAddress} went to ${where}.`
        : `Suggested: earlier emails from this sender went to ${where}.`;
    default:
      return `Suggested: the project and issue type you used last (${project}).`;
  }
}
