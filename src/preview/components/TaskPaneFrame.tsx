import { makeStyles, tokens } from "@fluentui/react-components";

export interface TaskPaneFrameProps {
  readonly src?: string;
}

const useStyles = makeStyles({
  frame: {
    width: "360px",
    height: "100%",
    border: "none",
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

/**
 * The real task pane (the production bundle, with the Office stand-in instead of office.js) at
 * Outlook's default pane width. Remount it (React `key`) to restart the add-in.
 */
export function TaskPaneFrame({ src = "/preview/taskpane.html" }: TaskPaneFrameProps) {
  const styles = useStyles();
  return <iframe title="Task pane" src={src} className={styles.frame} />;
}
