import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Caption1,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type {
  CreateScreen,
  EditableField,
  FieldFormValue,
  FieldFormValues,
  FieldProblems,
  UserSearch,
} from "./field-form-types";
import { isEmptyFieldValue, valueOfField } from "./field-values";
import { FieldEditor } from "./editors/FieldEditor";
import { t } from "../../i18n/translate";

const useStyles = makeStyles({
  fields: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  panel: { marginInline: 0, paddingBlock: tokens.spacingVerticalS },
});

export interface CreateMetaFieldsProps {
  screen: CreateScreen;
  values: FieldFormValues;
  /** Shown under each field (empty until the user tried to create). */
  problems: FieldProblems;
  /** A create runs: nothing can change. */
  disabled: boolean;
  onChange(fieldId: string, value: FieldFormValue | undefined): void;
  searchUsers: UserSearch;
}

const MORE = "more-fields";

/**
 * The create screen's fields, each in a labelled Fluent Field: the required and common ones at
 * once, the optional rest under "More fields". That section opens by itself while one of its
 * fields has a problem, so no problem is ever hidden.
 */
export function CreateMetaFields({
  screen,
  values,
  problems,
  disabled,
  onChange,
  searchUsers,
}: CreateMetaFieldsProps) {
  const styles = useStyles();
  const [moreOpen, setMoreOpen] = useState(false);
  const prominent = screen.editable.filter((editable) => editable.prominent);
  const rest = screen.editable.filter((editable) => !editable.prominent);
  const hasProblem = (editable: EditableField) => Boolean(problems[editable.field.fieldId]);
  const restProblem = rest.some(hasProblem);
  const restSet = rest.filter((editable) => !isEmptyFieldValue(valueOfField(editable, values)));
  const open = moreOpen || restProblem;

  const editorOf = (editable: EditableField) => (
    <FieldEditor
      key={editable.field.fieldId}
      editable={editable}
      value={valueOfField(editable, values)}
      problem={problems[editable.field.fieldId]}
      disabled={disabled}
      onChange={onChange}
      searchUsers={searchUsers}
    />
  );
  const handleToggle = () => setMoreOpen(!open);

  return (
    <div className={styles.fields}>
      {prominent.map(editorOf)}
      {rest.length > 0 && (
        <Accordion collapsible openItems={open ? [MORE] : []} onToggle={handleToggle}>
          <AccordionItem value={MORE}>
            <AccordionHeader expandIconPosition="start">{t("fields.moreFields")}</AccordionHeader>
            {!open && restSet.length > 0 && (
              <Caption1>
                {t("fields.filledInCount", { count: restSet.length, total: rest.length })}
              </Caption1>
            )}
            <AccordionPanel className={styles.panel}>
              <div className={styles.fields}>{rest.map(editorOf)}</div>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
    </div>
  );
}
