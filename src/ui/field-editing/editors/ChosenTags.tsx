import { Tag, makeStyles, tokens } from "@fluentui/react-components";
import type { KeyboardEvent, RefObject } from "react";
import { useRef } from "react";
import { t } from "../../../i18n/translate";

const useStyles = makeStyles({
  tags: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
});

/** One chosen item: what it is (an id, a label, a user name) and what it shows. */
export interface ChosenItem {
  value: string;
  text: string;
}

export interface ChosenTagsProps {
  /** Names the group for screen readers ("Labels chosen"). */
  label: string;
  items: readonly ChosenItem[];
  disabled: boolean;
  onRemove(value: string): void;
  /** Where focus goes when the last tag is removed (the editor's input). */
  returnFocusTo?: RefObject<HTMLElement | null>;
}

/**
 * The chosen items of a multi-value editor as removable tags: each is a button ("Remove VPN"),
 * removed by click, Enter, Space, Delete or Backspace; focus moves to the next tag, or back to the
 * editor after the last. Plain Tags in a group, not a TagGroup: its arrow-key mover adds focusable
 * aria-hidden elements that accessibility checkers rightly flag.
 */
export function ChosenTags({ label, items, disabled, onRemove, returnFocusTo }: ChosenTagsProps) {
  const styles = useStyles();
  const groupRef = useRef<HTMLDivElement>(null);
  if (items.length === 0) return null;

  const remove = (value: string) => {
    const buttons = Array.from(groupRef.current?.querySelectorAll("button") ?? []);
    const index = buttons.findIndex((button) => button.value === value);
    const next = buttons[index + 1] ?? buttons[index - 1];
    if (next) next.focus();
    else returnFocusTo?.current?.focus();
    onRemove(value);
  };
  const handleKeyDown = (value: string) => (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      remove(value);
    }
  };

  return (
    <div ref={groupRef} role="group" aria-label={label} className={styles.tags}>
      {items.map((item) => (
        <Tag
          key={item.value}
          value={item.value}
          size="small"
          dismissible
          disabled={disabled}
          aria-label={t("fields.removeItem", { item: item.text })}
          onClick={() => remove(item.value)}
          onKeyDown={handleKeyDown(item.value)}
        >
          {item.text}
        </Tag>
      ))}
    </div>
  );
}
