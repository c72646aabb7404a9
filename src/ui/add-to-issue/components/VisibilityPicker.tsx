import { Button, Dropdown, Field, Option } from "@fluentui/react-components";
import type { VisibilityChoice } from "../../../jira/issue-lookup";
import { noticeForError } from "../../../session/session-notices";
import { NoticeMessageBar } from "../../components/NoticeMessageBar";
import type { JiraLoadResult } from "../../use-jira-load";

/** The first option's text: no restriction. */
export const EVERYONE = "Everyone who can see the issue";
const EVERYONE_VALUE = "everyone";
/** The picker's hint once the choices are there. */
export const MEMBERS_ONLY =
  "Jira accepts only roles and groups you belong to. Only the comment is restricted: the files " +
  "and the link to the email stay visible to everyone who can see the issue.";

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
    choices.status === "loading" ? "Loading the project's roles and your groups…" : MEMBERS_ONLY;
  return (
    <>
      <Field label="Visible to" hint={hint}>
        <Dropdown
          value={value ? value.label : EVERYONE}
          selectedOptions={[selected]}
          disabled={disabled}
          onOptionSelect={handleSelect}
        >
          <Option value={EVERYONE_VALUE} text={EVERYONE}>
            {EVERYONE}
          </Option>
          {options.map((choice) => (
            <Option key={valueOf(choice)} value={valueOf(choice)} text={choice.label}>
              {choice.label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {choices.status === "failed" && (
        <NoticeMessageBar
          notice={{
            ...noticeForError(choices.error, { jiraBaseUrl }),
            title: "Couldn't load the roles and groups",
          }}
          testId="add-to-issue-load-problem"
          actions={<Button onClick={choices.retry}>Retry</Button>}
        />
      )}
    </>
  );
}

function valueOf(choice: VisibilityChoice): string {
  return `${choice.type}:${choice.value}`;
}

function sameChoice(a: VisibilityChoice, b: VisibilityChoice): boolean {
  return a.type === b.type && a.value === b.value;
}
