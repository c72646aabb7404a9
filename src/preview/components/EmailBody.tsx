import { useMemo } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { buildEmailSrcdoc } from "../email-srcdoc";
import type { PreviewMessage } from "../message-model";

export interface EmailBodyProps {
  readonly message: PreviewMessage;
}

const useStyles = makeStyles({
  frame: {
    flexGrow: 1,
    minHeight: "320px",
    width: "100%",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    // Emails are designed for a white page, as Outlook shows them unless it darkens them itself.
    backgroundColor: "#ffffff",
  },
});

/**
 * The message body in a fully sandboxed frame: `sandbox=""` (no scripts, no same-origin access, no
 * forms, no popups) plus the CSP that email-srcdoc.ts puts in the document. Never render email HTML
 * into the preview page itself.
 */
export function EmailBody({ message }: EmailBodyProps) {
  const styles = useStyles();
  const srcDoc = useMemo(() => buildEmailSrcdoc(message), [message]);
  return <iframe title="Email body" sandbox="" srcDoc={srcDoc} className={styles.frame} />;
}
