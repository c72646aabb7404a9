import { Caption1, ProgressBar, Text, makeStyles, tokens } from "@fluentui/react-components";
import { deliveryStepLabel } from "../delivery";
import type { DeliveryStep, DeliveryStepStatus } from "../delivery";
import type { MessageKey } from "../../../i18n/catalog-types";
import { t } from "../../../i18n/translate";

const useStyles = makeStyles({
  list: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    margin: 0,
    paddingInlineStart: 0,
    listStyleType: "none",
  },
  step: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  line: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "baseline" },
  label: { overflowWrap: "anywhere", flexGrow: 1 },
  problem: { color: tokens.colorPaletteRedForeground1, overflowWrap: "anywhere" },
});

export interface DeliveryStepsProps {
  steps: readonly DeliveryStep[];
  /** The issue a comment step adds to (Add to issue). */
  issueKey?: string;
}

const STATUS_TEXT: Record<DeliveryStepStatus, MessageKey> = {
  pending: "newIssue.stepWaiting",
  running: "newIssue.stepRunning",
  done: "newIssue.stepDone",
  failed: "newIssue.stepFailed",
};

/**
 * What a delivery (a create, or a comment) does, step by step: each step's state, a progress bar per upload, and why a
 * step failed. Not a live region: the form's status line (LiveStatus) says how far the steps are,
 * in words that name the issue, rather than a bare "Done" per step.
 */
export function DeliverySteps({ steps, issueKey }: DeliveryStepsProps) {
  const styles = useStyles();
  return (
    <ol className={styles.list} data-testid="delivery-steps" aria-label={t("newIssue.stepsLabel")}>
      {steps.map((step) => (
        <li
          key={step.id}
          className={styles.step}
          data-testid="delivery-step"
          data-step={step.kind}
          data-status={step.status}
        >
          <div className={styles.line}>
            <Text className={styles.label} dir="auto">
              {deliveryStepLabel(step, issueKey)}
            </Text>
            <Caption1>{t(STATUS_TEXT[step.status])}</Caption1>
          </div>
          {step.kind === "upload" && step.status !== "failed" && (
            <ProgressBar
              aria-label={
                step.upload
                  ? t("newIssue.uploadProgressLabel", { fileName: step.upload.fileName })
                  : t("newIssue.uploadProgressLabelUnnamed")
              }
              value={progressOf(step)}
              max={1}
              thickness="medium"
            />
          )}
          {step.status === "failed" && step.problem && (
            <Caption1 className={styles.problem} dir="auto">
              {step.problem.message}
            </Caption1>
          )}
        </li>
      ))}
    </ol>
  );
}

/** 0 to 1; undefined (an indeterminate bar) while running without a size yet. */
function progressOf(step: DeliveryStep): number | undefined {
  if (step.status === "done") return 1;
  if (step.status === "pending") return 0;
  const progress = step.progress;
  if (!progress || progress.total <= 0) return undefined;
  return Math.min(1, progress.loaded / progress.total);
}
