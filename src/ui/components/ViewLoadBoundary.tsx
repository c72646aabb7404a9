import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { Component } from "react";
import type { ErrorInfo, ReactNode } from "react";
import { t } from "../../i18n/translate";

export interface ViewLoadProblemProps {
  /** Reloads the pane (window.location.reload in the pane; drafts are stored, so nothing is lost). */
  onReload(): void;
}

/** A part of the pane that could not be loaded or shown, with the way on: reload the pane. */
export function ViewLoadProblem({ onReload }: ViewLoadProblemProps) {
  return (
    <MessageBar intent="error" layout="multiline" role="alert" data-testid="view-load-problem">
      <MessageBarBody>
        <MessageBarTitle>{t("app.viewLoadProblemTitle")}</MessageBarTitle>
        {t("app.viewLoadProblemHint")}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onReload}>{t("app.reloadPane")}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}

export interface ViewLoadBoundaryProps extends ViewLoadProblemProps {
  children: ReactNode;
}

interface ViewLoadBoundaryState {
  failed: boolean;
}

/**
 * Catches a view that crashed while rendering and says so with a way on instead of a blank pane
 * (React only catches render errors in a class component).
 */
export class ViewLoadBoundary extends Component<ViewLoadBoundaryProps, ViewLoadBoundaryState> {
  override state: ViewLoadBoundaryState = { failed: false };

  static getDerivedStateFromError(): ViewLoadBoundaryState {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error("A view of the pane failed to render.", error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return <ViewLoadProblem onReload={this.props.onReload} />;
  }
}
