import { makeStyles } from "@fluentui/react-components";

const useStyles = makeStyles({
  // Out of sight but read by screen readers (the usual "visually hidden" rules).
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});

export interface LiveStatusProps {
  /** What to say; "" says nothing. */
  text: string;
}

/**
 * A status line for screen readers only (`role="status"`: polite, read whole), read out whenever
 * its text changes. Keep it mounted while the view below it changes: a live region inserted
 * together with its text is often not read at all.
 */
export function LiveStatus({ text }: LiveStatusProps) {
  const styles = useStyles();
  return (
    <div role="status" className={styles.hidden}>
      {text}
    </div>
  );
}
