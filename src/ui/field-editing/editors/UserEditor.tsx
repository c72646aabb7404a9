import { Combobox } from "@fluentui/react-components";
import type { ChangeEvent } from "react";
import { useState } from "react";
import type { UserSearch } from "../field-form-types";
import type { EditorProps, UsersValue } from "./editor-props";
import { isClearByTyping } from "./SelectEditor";
import { useUserSearch } from "./use-user-search";
import { UserSearchStatus, useUserSearchStyles, userOptions } from "./UserSearchParts";
import { t } from "../../../i18n/translate";
import { expandIconNamed } from "../../components/expand-icon";

export interface UserEditorProps extends EditorProps<UsersValue> {
  searchUsers: UserSearch;
}

/**
 * One user (Assignee, user pickers): a combobox that searches Jira as the person types and shows
 * display names. Emptying it clears the field.
 */
export function UserEditor({ editable, value, disabled, onChange, searchUsers }: UserEditorProps) {
  const styles = useUserSearchStyles();
  const { state, runner } = useUserSearch();
  // undefined: not typing, the input shows the chosen user.
  const [typed, setTyped] = useState<string | undefined>(undefined);
  const chosen = value?.users[0];
  const found = state.status === "found" ? state.users : [];

  const stopTyping = () => {
    setTyped(undefined);
    runner.reset();
  };
  const handleInput = (event: ChangeEvent<HTMLInputElement>) => {
    const text = event.target.value;
    setTyped(text);
    runner.type(text, (query) => searchUsers(editable, query));
    if (text.trim() === "" && chosen) onChange(undefined);
  };
  const handleSelect = (
    event: { type: string },
    data: { optionValue?: string; selectedOptions: string[] }
  ) => {
    // Typing another name keeps the chosen user until a new one is chosen (or the text emptied).
    if (isClearByTyping(event, data)) return;
    stopTyping();
    // The clear button (optional fields) empties the selection.
    if (data.selectedOptions.length === 0) return onChange(undefined);
    const user = found.find((candidate) => candidate.name === data.optionValue);
    if (user) onChange({ type: "users", users: [user] });
  };
  const handleOpenChange = (_event: unknown, data: { open: boolean }) => {
    if (!data.open) stopTyping();
  };

  return (
    <>
      <Combobox
        expandIcon={expandIconNamed(editable.field.name)}
        value={typed ?? chosen?.displayName ?? ""}
        selectedOptions={chosen ? [chosen.name] : []}
        placeholder={t("fields.typeNameToSearch")}
        clearable={!editable.required}
        disabled={disabled}
        onChange={handleInput}
        onOptionSelect={handleSelect}
        onOpenChange={handleOpenChange}
      >
        {userOptions(state, styles.option)}
      </Combobox>
      <UserSearchStatus state={state} />
    </>
  );
}
