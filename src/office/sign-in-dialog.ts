import type {
  OpenedSignInDialog,
  SignInDialogHandlers,
  SignInDialogPort,
} from "../session/session-ports";
import { officeCall } from "./office-async";

/** Size of the sign-in dialog, in percent of the screen (Office's unit for dialogs). */
export interface OfficeSignInDialogOptions {
  /** Default 40: wide enough for Jira's authorize page without covering Outlook. */
  width?: number;
  /** Default 60. */
  height?: number;
}

// DialogEventReceived code for "the user closed the dialog": the window is gone already.
const CLOSED_BY_USER = 12006;

/**
 * The SignInDialogPort over `Office.context.ui.displayDialogAsync`
 * (learn.microsoft.com/office/dev/add-ins/develop/dialog-api-in-office-add-ins).
 *
 * - Never `displayInIframe`: Jira's pages send frame-ancestors/X-Frame-Options and would not load.
 * - `promptBeforeOpen` stays at Office's default: on the web it shows a "allow the dialog" prompt
 *   whose click popup blockers accept; we open after awaits (the request token), so the user's
 *   original click no longer counts as a user gesture.
 * - Opening failures reject with an OfficeError carrying Office's code (12004 untrusted domain,
 *   12005 http URL, 12007 a dialog already open, 12009 the user ignored the prompt, 12011 popup
 *   blocked).
 * - After `close()` or a DialogEventReceived, no handler is called again: a late message from a
 *   dialog the session gave up on must not start a second token exchange.
 */
export function createOfficeSignInDialog(
  options: OfficeSignInDialogOptions = {}
): SignInDialogPort {
  const dialogOptions: Office.DialogOptions = {
    height: options.height ?? 60,
    width: options.width ?? 40,
    displayInIframe: false,
  };
  return {
    async open(url: string, handlers: SignInDialogHandlers): Promise<OpenedSignInDialog> {
      const dialog = await officeCall<Office.Dialog>((callback) =>
        Office.context.ui.displayDialogAsync(url, dialogOptions, callback)
      );
      let active = true;
      let closeCalled = false;
      const closeDialog = () => {
        if (closeCalled) return;
        closeCalled = true;
        try {
          dialog.close();
        } catch {
          // Some clients throw when the window is already gone; there is nothing left to close.
        }
      };

      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        if (!active || !("message" in arg)) return;
        // `origin` exists with DialogOrigin 1.1 only; older clients leave it out.
        const origin: unknown = (arg as { origin?: unknown }).origin;
        handlers.onMessage(String(arg.message), typeof origin === "string" ? origin : undefined);
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, (arg) => {
        if (!active) return;
        active = false;
        const code = "error" in arg ? arg.error : 0;
        if (code === CLOSED_BY_USER) {
          closeCalled = true;
        } else {
          // 12002/12003 (page failed to load, http page): the dialog stays open on an error page
          // and would make the next sign-in fail with 12007 (a dialog is already open).
          closeDialog();
        }
        handlers.onClosed(code);
      });

      return {
        close() {
          active = false;
          closeDialog();
        },
      };
    },
  };
}
