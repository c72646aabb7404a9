import {
  Button,
  Combobox,
  Field,
  Spinner,
  Switch,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ChangeEvent, KeyboardEvent } from "react";
import { t } from "../../i18n/translate";
import type { IssueSummary } from "../../jira/issue-lookup";
import type { MailMessage } from "../../mail/mail-message";
import { noticeForError } from "../../session/session-notices";
import { NoticeMessageBar } from "../components/NoticeMessageBar";
import { NO_MATCH } from "../field-editing/editors/ChoiceOptions";
import { isClearByTyping } from "../field-editing/editors/SelectEditor";
import type { JiraSession, MailContentPort } from "../ports";
import { ChosenIssue } from "./ChosenIssue";
import { emptyListText, finderBusyText } from "./finder-texts";
import { IssueOptions } from "./IssueOptions";
import { issueOptionText } from "./issue-options";
import { useIssueFinder } from "./use-issue-finder";
import { expandIconNamed } from "../components/expand-icon";

const useStyles = makeStyles({
  finder: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  status: { minHeight: tokens.lineHeightBase200 },
});

export interface IssueFinderProps {
  /** The door to Jira: every list loads through `withJira` (waits through a new sign-in). */
  session: Pick<JiraSession, "withJira">;
  /** The email's body and thread headers, where issue keys are looked for. */
  mailContent: MailContentPort;
  /** The email being added (key the finder by it: one finder per email). */
  message: MailMessage;
  /** The issues earlier emails of this conversation went to, newest first. */
  conversationKeys: string[];
  /** The chosen issue (the parent keeps it). */
  selected: IssueSummary | undefined;
  /**
   * Called with the issue picked, or chosen for the user: the email's first, or `initialKey`'s.
   * Never called for the user while `disabled`.
   */
  onSelect(issue: IssueSummary | undefined): void;
  /** Nothing can be picked, and nothing is chosen for the user (the choice must stay). */
  disabled?: boolean;
  /**
   * An issue to choose at once (from "Add as comment" on a linked issue): chosen once it is looked
   * up; chosen again when it is asked for again after the parent cleared it.
   */
  initialKey?: string;
  /** The session's Jira: the chosen issue's key links there, problems name it. */
  jiraBaseUrl?: string;
}

/**
 * "Issue": a combobox to find the issue to add the email to. Offers the issues the email names
 * ("In this email", the first one chosen), then "Recent", and searches Jira as the user types
 * ("Search results"; a key typed in full shows that issue alone and Enter chooses it). "Hide
 * resolved issues" filters Recent and Search results; the email's own issues stay, with their
 * status, since a reply to a resolved issue is still about it. The chosen issue is shown below it. Failures are quiet
 * bars with "Try again"; nothing here throws. Everything from Jira is shown as text.
 */
export function IssueFinder(props: IssueFinderProps) {
  const { selected, disabled = false, jiraBaseUrl } = props;
  const styles = useStyles();
  const finder = useIssueFinder(props);
  const progress = {
    query: finder.query ?? "",
    inEmail: finder.inEmail.status,
    recent: finder.recent.status,
    search: finder.search.status,
  };
  const busyText = finderBusyText(progress);

  const handleInput = (event: ChangeEvent<HTMLInputElement>) => finder.type(event.target.value);
  const handleSelect = (event: { type: string }, data: { optionValue?: string }) => {
    // Fluent unselects while the typed text starts no option: the choice stays until another.
    if (isClearByTyping(event, data)) return;
    if (data.optionValue && data.optionValue !== NO_MATCH) finder.pick(data.optionValue);
    else finder.stopTyping();
  };
  const handleOpenChange = (event: { type: string }, data: { open: boolean }) => {
    if (data.open) return;
    // Enter closes the list too: keep a key typed in full, which Enter chooses (handleKeyDown).
    if ("key" in event && event.key === "Enter") return;
    finder.stopTyping();
  };
  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") finder.enter();
  };

  return (
    <div className={styles.finder}>
      <Field label={t("finder.issueLabel")}>
        <Combobox
          expandIcon={expandIconNamed(t("finder.issueLabel"))}
          freeform
          autoComplete="off"
          dir="auto"
          value={finder.query ?? (selected ? issueOptionText(selected) : "")}
          selectedOptions={selected ? [selected.key] : []}
          placeholder={t("finder.issuePlaceholder")}
          disabled={disabled}
          onChange={handleInput}
          onOptionSelect={handleSelect}
          onOpenChange={handleOpenChange}
          onKeyDown={handleKeyDown}
        >
          <IssueOptions groups={finder.groups} emptyText={emptyListText(progress)} />
        </Combobox>
      </Field>
      <Switch
        label={t("finder.hideResolved")}
        checked={finder.hideResolved}
        disabled={disabled}
        onChange={(_event, data) => finder.setHideResolved(data.checked)}
      />
      <div role="status" className={styles.status}>
        {busyText && <Spinner size="extra-tiny" labelPosition="after" label={busyText} />}
      </div>
      <FinderProblems finder={finder} initialKey={props.initialKey} jiraBaseUrl={jiraBaseUrl} />
      {selected && <ChosenIssue issue={selected} {...(jiraBaseUrl ? { jiraBaseUrl } : {})} />}
    </div>
  );
}

interface FinderProblemsProps {
  finder: ReturnType<typeof useIssueFinder>;
  initialKey: string | undefined;
  jiraBaseUrl: string | undefined;
}

/** A quiet bar per load that failed, naming it, with "Try again". */
function FinderProblems({ finder, initialKey, jiraBaseUrl }: FinderProblemsProps) {
  const problems: Array<{ id: string; title: string; error: unknown; retry(): void }> = [];
  if (finder.inEmail.status === "failed") {
    const { error, retry } = finder.inEmail;
    problems.push({ id: "inEmail", title: t("finder.inEmailFailed"), error, retry });
  }
  if (finder.recent.status === "failed") {
    const { error, retry } = finder.recent;
    problems.push({ id: "recent", title: t("finder.recentFailed"), error, retry });
  }
  if (finder.search.status === "failed" && finder.query !== undefined) {
    const { error } = finder.search;
    const retry = finder.retrySearch;
    problems.push({ id: "search", title: t("finder.searchFailed"), error, retry });
  }
  if (finder.initial.status === "failed" && initialKey) {
    const { error, retry } = finder.initial;
    const title = t("finder.initialFailed", { issueKey: initialKey });
    problems.push({ id: "initial", title, error, retry });
  }
  const context = jiraBaseUrl ? { jiraBaseUrl } : {};
  return (
    <>
      {problems.map(({ id, title, error, retry }) => (
        <NoticeMessageBar
          key={id}
          notice={{ ...noticeForError(error, context), intent: "warning", title }}
          testId="issue-finder-problem"
          actions={<Button onClick={retry}>{t("finder.tryAgain")}</Button>}
        />
      ))}
      {finder.initialMissing && (
        <NoticeMessageBar
          notice={{
            code: "issue_not_found",
            intent: "warning",
            title: "",
            message: t("finder.initialMissing", { issueKey: initialKey ?? "" }),
          }}
          testId="issue-finder-problem"
        />
      )}
    </>
  );
}
