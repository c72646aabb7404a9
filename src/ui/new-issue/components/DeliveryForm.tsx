import { Text, makeStyles, tokens, useId } from "@fluentui/react-components";
import type { FormEvent, ReactNode } from "react";
import { LiveStatus } from "../../components/LiveStatus";

const useStyles = makeStyles({
  form: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    marginInline: tokens.spacingHorizontalL,
  },
});

export interface DeliveryFormProps {
  testId: string;
  /** The form's heading ("New issue", "Add to issue"). */
  title: string;
  /** The prefix of the heading's id. */
  headingIdPrefix: string;
  /** What the status line announces: it stays while the form gives way to a result and back. */
  status: string;
  /** Submitting the form (Enter, or the submit button); the browser's own submit never runs. */
  onSubmit(): void;
  children: ReactNode;
}

/**
 * The frame of the New issue and "Add to issue" forms: the form named by its heading, and the
 * polite status line that tells how the delivery goes.
 */
export function DeliveryForm(props: DeliveryFormProps) {
  const { onSubmit } = props;
  const styles = useStyles();
  const headingId = useId(props.headingIdPrefix);
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form
      className={styles.form}
      aria-labelledby={headingId}
      data-testid={props.testId}
      noValidate
      onSubmit={handleSubmit}
    >
      <Text as="h2" id={headingId} weight="semibold" size={400}>
        {props.title}
      </Text>
      <LiveStatus text={props.status} />
      {props.children}
    </form>
  );
}
