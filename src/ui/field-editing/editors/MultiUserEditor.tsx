import { Combobox, makeStyles, tokens } from "@fluentui/react-components";
import type { ChangeEvent } from "react";
import { useRef, useState } from "react";
import type { UserChoice, UserSearch } from "../field-form-types";
import { ChosenTags } from "./ChosenTags";
import type { EditorProps, UsersValue } from "./editor-props";
import { useUserSearch } from "./use-user-search";
import { UserSearchStatus, useUserSearchStyles, userOptions } from "./UserSearchParts";
import { t } from "../../../i18n/translate";
import { expandIconNamed } from "../../components/expand-icon";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

export interface MultiUserEditorProps extends EditorProps<UsersValue> {
  searchUsers: UserSearch;
}

const usersValue = (users: UserChoice[]): UsersValue | undefined =>
  users.length > 0 ? { type: "users", users } : undefined;

/**
 * Several users (multi-user pickers): a multi-select combobox searching Jira as the person types;
 * the chosen users as removable tags (display names) below.
 */
export function MultiUserEditor({
  editable,
  value,
  disabled,
  onChange,
  searchUsers,
}: MultiUserEditorProps) {
  const styles = useStyles();
  const searchStyles = useUserSearchStyles();
  const { state, runner } = useUserSearch();
  const [typed, setTyped] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);
  const users = value?.users ?? [];
  const found = state.status === "found" ? state.users : [];

  const handleInput = (event: ChangeEvent<HTMLInputElement>) => {
    setTyped(event.target.value);
    runner.type(event.target.value, (query) => searchUsers(editable, query));
  };
  // The list stays open after a choice (more users can be chosen from the same answer).
  const handleSelect = (_event: unknown, data: { optionValue?: string }) => {
    const name = data.optionValue;
    if (users.some((user) => user.name === name)) {
      onChange(usersValue(users.filter((user) => user.name !== name)));
      return;
    }
    const user = found.find((candidate) => candidate.name === name);
    if (user) onChange(usersValue([...users, user]));
  };
  const handleOpenChange = (_event: unknown, data: { open: boolean }) => {
    if (data.open) return;
    setTyped("");
    runner.reset();
  };
  const handleRemove = (name: string) =>
    onChange(usersValue(users.filter((user) => user.name !== name)));

  return (
    <div className={styles.root}>
      <Combobox
        expandIcon={expandIconNamed(editable.field.name)}
        ref={inputRef}
        multiselect
        value={typed}
        selectedOptions={users.map((user) => user.name)}
        placeholder={t("fields.typeNameToSearch")}
        disabled={disabled}
        onChange={handleInput}
        onOptionSelect={handleSelect}
        onOpenChange={handleOpenChange}
      >
        {userOptions(state, searchStyles.option)}
      </Combobox>
      <UserSearchStatus state={state} />
      <ChosenTags
        label={t("fields.chosenGroupLabel", { field: editable.field.name })}
        items={users.map((user) => ({ value: user.name, text: user.displayName }))}
        disabled={disabled}
        onRemove={handleRemove}
        returnFocusTo={inputRef}
      />
    </div>
  );
}
