import { Button, Dropdown, Field, Option } from "@fluentui/react-components";
import { t } from "../../../i18n/translate";
import type { VisibilityChoice } from "../../../jira/issue-lookup";
import { noticeForError } from "../../../session/session-notices";
import { NoticeMessageBar } from "../../components/NoticeMessageBar";
import type { JiraLoadResult } from "../../use-jira-load";

/** The first option's value: no restriction. */
const EVERYONE_VALUE = "everyone";

export interface VisibilityPickerProps {
  /** The roles and groups of the chosen issue's project (idle while none is chosen). */
  choices: JiraLoadResult<VisibilityChoice[]>;
  /** Undefined: everyone who can see the issue. */
  value: VisibilityChoice | undefined;
  disabled: boolean;
  jiraBaseUrl: string;
  onChange(value: VisibilityChoice | undefined): void;
}

/**
 * "Visible to": everyone who can see the issue (first), or one of the project's roles or the
 * user's groups (Jira's comment `visibility`); the hint says Jira takes only the user's own. A choice kept in the draft stays offered even when
 * Jira no longer lists it: Jira then says why it refuses the comment.
 */
export function VisibilityPicker({
  choices,
  value,
  disabled,
  jiraBaseUrl,
  onChange,
}: VisibilityPickerProps) {
  const loaded = choices.status === "loaded" ? choices.value : [];
  const listed = value && !loaded.some((choice) => sameChoice(choice, value));
  const options = listed ? [value, ...loaded] : loaded;
  const selected = value ? valueOf(value) : EVERYONE_VALUE;
  const handleSelect = (_event: unknown, data: { optionValue?: string }) => {
    if (data.optionValue === EVERYONE_VALUE) return onChange(undefined);
    const choice = options.find((option) => valueOf(option) === data.optionValue);
    if (choice) onChange(choice);
  };
  // Jira lists every role of the project, but refuses a comment restricted to one the user isn't
  // in (src/jira/issue-lookup.ts commentVisibilityChoices): say so before it does.
  const hint =
    choices.status === "loading"
      ? t("addToIssue.loadingVisibility")
      : t("addToIssue.membersOnlyHint");
  const everyone = t("addToIssue.everyone");
  return (
    <>
      <Field label={t("addToIssue.visibleTo")} hint={hint}>
        <Dropdown
          value={value ? choiceText(value) : everyone}
          selectedOptions={[selected]}
          disabled={disabled}
          onOptionSelect={handleSelect}
        >
          <Option value={EVERYONE_VALUE} text={everyone}>
            {everyone}
          </Option>
          {options.map((choice) => (
            <Option key={valueOf(choice)} value={valueOf(choice)} text={choiceText(choice)}>
              {choiceText(choice)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {choices.status === "failed" && (
        <NoticeMessageBar
          notice={{
            ...noticeForError(choices.error, { jiraBaseUrl }),
            title: t("addToIssue.visibilityFailed"),
          }}
          testId="add-to-issue-load-problem"
          actions={<Button onClick={choices.retry}>{t("addToIssue.retry")}</Button>}
        />
      )}
    </>
  );
}

/**
 * A choice as the picker names it, "Role: Developers" / "Group: jira-users", in the active
 * language (the role's or group's own name is Jira's, untranslated).
 */
function choiceText(choice: VisibilityChoice): string {
  return choice.type === "role"
    ? t("addToIssue.visibilityRole", { name: choice.value })
    : t("addToIssue.visibilityGroup", { name: choice.value });
}

function valueOf(choice: VisibilityChoice): string {
  return `${choice.type}:${choice.value}`;
}

function sameChoice(a: VisibilityChoice, b: VisibilityChoice): boolean {
  return a.type === b.type && a.value === b.value;
}
