/**
 * The contract between the create-meta field editors (this folder) and the New issue form: how a
 * create-screen field is classified, what the form keeps for it (JSON, persisted in the draft), and
 * what the form asks the editors for. Implementation: field-kinds.ts, field-values.ts and
 * CreateMetaFields.tsx beside this file.
 */
import type { CreateMetaField } from "../../jira/jira-types";

/** How a field is edited in the pane. */
export type FieldKind =
  | "text" // single-line string (textfield, url, environment when short)
  | "textarea" // multi-line string (textarea custom fields, environment)
  | "number" // float / number
  | "date" // YYYY-MM-DD (duedate, datepicker)
  | "datetime" // date and time (datetime custom fields)
  | "select" // one option (select, radiobuttons), also priority
  | "multiselect" // several options (multiselect, multicheckboxes), components, versions, fixVersions
  | "labels" // free words without spaces (labels, custom labels)
  | "user" // one user (assignee, userpicker)
  | "multiuser"; // several users (multiuserpicker)

/** A user as the form keeps it: Jira Server/DC identifies users by `name` in REST v2 writes. */
export interface UserChoice {
  name: string;
  displayName: string;
}

/** What the form keeps for one field (plain JSON: it is persisted in the draft). */
export type FieldFormValue =
  | { type: "text"; value: string } // text, textarea, number (as typed), date, datetime (as typed)
  | { type: "ids"; ids: string[] } // option ids from allowedValues (select: at most one)
  | { type: "labels"; labels: string[] }
  | { type: "users"; users: UserChoice[] }; // user: at most one

/** Field id → value; an absent field means "not set" (then Jira's default applies). */
export type FieldFormValues = Record<string, FieldFormValue>;

/** A field of the create screen the pane can edit. */
export interface EditableField {
  field: CreateMetaField;
  kind: FieldKind;
  required: boolean;
  /** Shown at once (required, or a common one: assignee, priority, labels, due date, components); else under "More fields". */
  prominent: boolean;
}

/** The create screen as the form sees it. */
export interface CreateScreen {
  /** Fields the editors handle, in the screen's order (project, issue type, summary, description, reporter, attachment excluded). */
  editable: EditableField[];
  /**
   * Required fields without a default that the pane can't edit (e.g. a cascading select): named up
   * front, since Jira would refuse the issue.
   */
  unfillableRequired: string[];
}

/** Field id → what is wrong, in words naming the fix ("Choose a value for Customer Impact."). */
export type FieldProblems = Record<string, string>;

/** What the editors need from the form to search users (assignee: assignable users of the project). */
export type UserSearch = (field: EditableField, query: string) => Promise<UserChoice[]>;
