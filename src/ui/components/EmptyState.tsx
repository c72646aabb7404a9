import { Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalXL,
    textAlign: "center",
    alignItems: "center",
  },
});

export interface EmptyStateProps {
  title: string;
  children?: ReactNode;
}

/** A calm message for when there is nothing to act on yet. */
export function EmptyState({ title, children }: EmptyStateProps) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label={title}>
      <Text as="h2" weight="semibold" size={400}>
        {title}
      </Text>
      {children && <Text as="p">{children}</Text>}
    </section>
  );
}
