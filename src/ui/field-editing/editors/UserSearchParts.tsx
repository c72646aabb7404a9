import { Caption1, Option, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { UserChoice } from "../field-form-types";
import { NoMatchOption } from "./ChoiceOptions";
import type { UserSearchState } from "./user-search-runner";
import { t } from "../../../i18n/translate";

/** Styles of the user editors' options and status line. */
export const useUserSearchStyles = makeStyles({
  status: { minHeight: tokens.lineHeightBase200 },
  failed: { color: tokens.colorPaletteRedForeground1 },
  option: { display: "flex", flexDirection: "column" },
});

/** The users found (display name, login name below), or a "No matching users" line. */
export function userOptions(state: UserSearchState, optionClassName: string) {
  if (state.status !== "found") return null;
  if (state.users.length === 0) {
    return <NoMatchOption>{t("fields.noMatchingUsers")}</NoMatchOption>;
  }
  return state.users.map((user: UserChoice) => (
    <Option key={user.name} value={user.name} text={user.displayName}>
      <span className={optionClassName}>
        <Text>{user.displayName}</Text>
        <Caption1>{user.name}</Caption1>
      </span>
    </Option>
  ));
}

/** How the search goes, announced politely: searching, no match, or why it failed. */
export function UserSearchStatus({ state }: { state: UserSearchState }) {
  const styles = useUserSearchStyles();
  return (
    <div role="status" className={styles.status}>
      {(state.status === "waiting" || state.status === "searching") && (
        <Spinner size="extra-tiny" labelPosition="after" label={t("fields.searchingUsers")} />
      )}
      {state.status === "found" && state.users.length === 0 && (
        <Caption1>{t("fields.noMatchingUsers")}</Caption1>
      )}
      {state.status === "failed" && <Caption1 className={styles.failed}>{state.message}</Caption1>}
    </div>
  );
}
