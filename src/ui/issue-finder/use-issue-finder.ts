import { useEffect, useEffectEvent, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type { IssueSummary } from "../../jira/issue-lookup";
import type { MailMessage } from "../../mail/mail-message";
import type { JiraSession, MailContentPort } from "../ports";
import { useJiraLoad } from "../use-jira-load";
import type { JiraLoadResult } from "../use-jira-load";
import { fullIssueKey, issueGroups, knownIssue, preselection } from "./issue-options";
import type { IssueGroup, IssueLists } from "./issue-options";
import { createIssueSearchRunner, searchResultsFor } from "./issue-search-runner";
import type { IssueSearchState } from "./issue-search-runner";
import { createIssueSource } from "./issue-source";

/** What {@link useIssueFinder} needs: the IssueFinder's props. */
export interface IssueFinderInput {
  session: Pick<JiraSession, "withJira">;
  mailContent: MailContentPort;
  message: MailMessage;
  conversationKeys: readonly string[];
  selected: IssueSummary | undefined;
  onSelect(issue: IssueSummary | undefined): void;
  /** While true nothing is chosen for the user (the parent's issue must not change now). */
  disabled?: boolean;
  initialKey?: string;
}

/** The finder's state and what its controls call. */
export interface IssueFinderModel {
  /** The text typed since the list opened; undefined: the input shows the chosen issue. */
  query: string | undefined;
  hideResolved: boolean;
  groups: IssueGroup[];
  inEmail: JiraLoadResult<IssueSummary[]>;
  recent: JiraLoadResult<IssueSummary[]>;
  /** The lookup of the issue asked for by `initialKey`. */
  initial: JiraLoadResult<IssueSummary | undefined>;
  /** `initialKey` names no issue the user can see, and nothing else is chosen. */
  initialMissing: boolean;
  search: IssueSearchState;
  type(text: string): void;
  /** An option picked (its value: the issue key). */
  pick(issueKey: string): void;
  /** Enter in the input: a key typed in full is chosen, looked up first when not listed yet. */
  enter(): void;
  /** The list closed without a pick: the input shows the chosen issue again. */
  stopTyping(): void;
  setHideResolved(hide: boolean): void;
  retrySearch(): void;
}

/**
 * The issue finder's logic: loads the email's issues and the recent ones through the session,
 * searches as the user types, and chooses the first issue the email names (or `initialKey`'s, once
 * per time it is asked for) until the user picks one; never while `disabled`.
 */
export function useIssueFinder(input: IssueFinderInput): IssueFinderModel {
  const { session, mailContent, message, conversationKeys, selected, initialKey } = input;
  const disabled = input.disabled ?? false;
  const source = useMemo(() => createIssueSource(session, mailContent), [session, mailContent]);
  const [query, setQuery] = useState<string | undefined>(undefined);
  const [hideResolved, setHideResolvedState] = useState(true);
  const [runner] = useState(() => createIssueSearchRunner());
  const search = useSyncExternalStore(runner.subscribe, runner.getState, runner.getState);
  // Unmounted (another email, the view closed): an answer on its way is dropped.
  useEffect(() => () => runner.reset(), [runner]);

  const inEmail = useJiraLoad(
    `in-email ${message.itemId} ${conversationKeys.join(" ")}`,
    true,
    () => source.inEmail(message, conversationKeys)
  );
  // Loaded once with resolved issues and filtered here: the switch then needs no request.
  const recent = useJiraLoad("recent", true, () => source.recent(false));
  const initial = useJiraLoad(initialKey ? `initial ${initialKey}` : null, true, () =>
    initialKey ? source.byKey(initialKey) : Promise.resolve(undefined)
  );

  const lists: IssueLists = {
    ...(inEmail.status === "loaded" ? { inEmail: inEmail.value } : {}),
    ...(recent.status === "loaded" ? { recent: recent.value } : {}),
  };
  const searchResults = searchResultsFor(search, { text: query ?? "", hideResolved });
  if (searchResults) lists.searchResults = searchResults;
  const groups = issueGroups(lists, query ?? "", hideResolved);

  // Once the user picked (or the finder chose for them), suggestions arriving later change nothing.
  const settled = useRef(false);
  const handledInitialKey = useRef<string | undefined>(undefined);
  // Bumped by every keystroke and pick: a key looked up on Enter is chosen only if still wanted.
  const enterTicket = useRef(0);
  // The key chosen last: Enter on an option Fluent already picked must not choose it twice.
  const chosenKey = useRef<string | undefined>(undefined);
  const select = useEffectEvent((issue: IssueSummary) => input.onSelect(issue));

  const suggestions = lists.inEmail;
  useEffect(() => {
    // Disabled (a comment runs, or a lost answer holds the issue): the choice must stay; a
    // suggestion is made once the finder is enabled again, if nothing is chosen then.
    if (disabled) return;
    const first = preselection({
      inEmail: suggestions,
      selected,
      initialKey,
      settled: settled.current,
    });
    if (!first) return;
    settled.current = true;
    chosenKey.current = first.key;
    select(first);
  }, [suggestions, hideResolved, selected, initialKey, disabled]);

  const initialIssue = initial.status === "loaded" ? initial.value : undefined;
  useEffect(() => {
    // Asked for no more (chosen, or the parent withdrew it): asking again chooses it again.
    if (!initialKey) handledInitialKey.current = undefined;
    if (!initialKey || !initialIssue || disabled || handledInitialKey.current === initialKey) {
      return;
    }
    handledInitialKey.current = initialKey;
    settled.current = true;
    chosenKey.current = initialIssue.key;
    select(initialIssue);
  }, [initialKey, initialIssue, disabled]);

  const runSearch = (text: string, hide: boolean) => {
    const exactKey = fullIssueKey(text);
    // A key typed in full that is listed already needs no request.
    if (exactKey && knownIssue({ ...lists, searchResults: undefined }, exactKey)) {
      runner.reset();
      return;
    }
    runner.type({ text, hideResolved: hide }, (request) =>
      source.search(request.text, request.hideResolved)
    );
  };

  const choose = (issue: IssueSummary) => {
    chosenKey.current = issue.key;
    settled.current = true;
    handledInitialKey.current = initialKey; // The user's pick wins over one still being looked up.
    enterTicket.current += 1;
    setQuery(undefined);
    runner.reset();
    input.onSelect(issue);
  };

  const stopTyping = () => {
    enterTicket.current += 1;
    setQuery(undefined);
    runner.reset();
  };

  return {
    query,
    hideResolved,
    groups,
    inEmail,
    recent,
    initial,
    initialMissing:
      initialKey !== undefined && initial.status === "loaded" && !initial.value && !selected,
    search,
    type(text) {
      enterTicket.current += 1;
      setQuery(text);
      runSearch(text, hideResolved);
    },
    pick(issueKey) {
      const issue = knownIssue(lists, issueKey);
      if (issue) choose(issue);
    },
    enter() {
      const exactKey = query === undefined ? undefined : fullIssueKey(query);
      if (!exactKey) return;
      const listed = knownIssue(lists, exactKey);
      // (Nothing listed and nothing chosen yet is no match: the key is looked up below.)
      if (listed && listed.key === chosenKey.current) return stopTyping();
      if (listed) return choose(listed);
      const ticket = ++enterTicket.current;
      source.byKey(exactKey).then(
        (found) => {
          if (found && ticket === enterTicket.current) choose(found);
        },
        // The search of the same text runs too and shows why Jira failed.
        (error: unknown) => console.warn(`Issue ${exactKey} could not be looked up.`, error)
      );
    },
    stopTyping,
    setHideResolved(hide) {
      setHideResolvedState(hide);
      if (query !== undefined) runSearch(query, hide);
    },
    retrySearch() {
      if (query !== undefined) runSearch(query, hideResolved);
    },
  };
}
