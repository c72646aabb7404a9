/**
 * `Office.context.ui`: the Dialog API (learn.microsoft.com/office/dev/add-ins/develop/dialog-api-in-office-add-ins)
 * emulated with a real popup window.
 *
 * Pane side (`displayDialogAsync`): the start URL must be absolute HTTPS on the pane's own origin
 * (12005 for http:, 12004 otherwise; the dialog may then redirect anywhere), one dialog at a time
 * (12007), a popup blocker gives 12011. The result is a Dialog whose handlers receive
 * `DialogMessageReceived` `{message, origin}` and, when the user closes the window, `DialogEventReceived`
 * `{error: 12006}`.
 *
 * Dialog side (`messageParent`, `addHandlerAsync(DialogParentMessageReceived)`): the popup page also
 * loads the stand-in; it talks to the pane that opened it through `window.opener` with `postMessage`.
 * The browser enforces `targetOrigin` (a message for another origin is dropped, as in Office), and the
 * pane only accepts channel messages whose `event.source` is the popup it opened.
 */
import { deliver, failed, parseAsyncArgs, succeeded } from "./async-result";
import type { Schedule } from "./async-result";
import { EventType } from "./enums";
import { DIALOG_CLOSED_BY_USER, OfficeErrors } from "./errors";

/** `data.channel` of every postMessage between a pane and its dialog. */
export const DIALOG_CHANNEL = "outlook-preview-dialog";

/** The postMessage payloads of the dialog channel. */
export interface DialogChannelMessage {
  readonly channel: typeof DIALOG_CHANNEL;
  readonly kind: "messageParent" | "messageChild";
  readonly message: string | boolean;
}

/** How often the pane checks whether the user closed the popup. */
export const DIALOG_CLOSED_POLL_MS = 300;

/** The popup window as the pane sees it (a WindowProxy). */
export interface PopupLike {
  readonly closed: boolean;
  close(): void;
  postMessage(message: unknown, targetOrigin: string): void;
}

export interface ChannelEvent {
  readonly source: unknown;
  readonly origin: string;
  readonly data: unknown;
}

/** The browser facilities the Dialog API needs; injected so the logic runs in Node tests. */
export interface DialogEnvironment {
  /** The page's origin (`location.origin`). */
  readonly origin: string;
  /** `window.open(url, "_blank", features)`. */
  openWindow(url: string, features: string): PopupLike | null;
  /** `window.opener` (the pane, when this page is a dialog), or null. */
  readonly opener: { postMessage(message: unknown, targetOrigin: string): void } | null;
  /** Adds a `message` listener to this window; returns its removal. */
  listenForMessages(listener: (event: ChannelEvent) => void): () => void;
  setInterval(task: () => void, milliseconds: number): unknown;
  clearInterval(handle: unknown): void;
  readonly screenSize: { readonly width: number; readonly height: number };
}

type DialogHandler = (args: Record<string, unknown>) => void;

export interface UiStandIn {
  displayDialogAsync(startAddress: unknown, ...rest: unknown[]): void;
  messageParent(message: unknown, messageOptions?: { targetOrigin?: string }): void;
  addHandlerAsync(eventType: unknown, handler: unknown, ...rest: unknown[]): void;
  openBrowserWindow(url: string): void;
}

export function isDialogChannelMessage(data: unknown): data is DialogChannelMessage {
  return (
    typeof data === "object" &&
    data !== null &&
    (data as { channel?: unknown }).channel === DIALOG_CHANNEL
  );
}

export function createUi(env: DialogEnvironment, schedule: Schedule): UiStandIn {
  let activeDialog: { close(): void } | null = null;

  return {
    displayDialogAsync(startAddress, ...rest) {
      const { options, callback, asyncContext } = parseAsyncArgs<unknown>(rest);
      const refusal =
        checkStartAddress(startAddress, env.origin) ??
        (activeDialog ? OfficeErrors.dialogAlreadyOpen : null);
      if (refusal) {
        deliver(schedule, callback, failed(refusal, asyncContext));
        return;
      }
      const popup = env.openWindow(String(startAddress), popupFeatures(options, env.screenSize));
      if (!popup) {
        deliver(schedule, callback, failed(OfficeErrors.dialogPopupBlocked, asyncContext));
        return;
      }
      const dialog = openDialog(env, popup, () => {
        activeDialog = null;
      });
      activeDialog = dialog;
      deliver(schedule, callback, succeeded(dialog.api, asyncContext));
    },

    messageParent(message, messageOptions) {
      if (!env.opener) {
        console.warn(
          "Outlook preview: messageParent was called from a page that no Office dialog opened; the message is dropped."
        );
        return;
      }
      const payload: DialogChannelMessage = {
        channel: DIALOG_CHANNEL,
        kind: "messageParent",
        message: toDialogMessage(message),
      };
      // Without targetOrigin Office delivers only to a parent on the dialog page's own origin.
      env.opener.postMessage(payload, messageOptions?.targetOrigin ?? env.origin);
    },

    addHandlerAsync(eventType, handler, ...rest) {
      const { callback, asyncContext } = parseAsyncArgs<undefined>(rest);
      if (
        eventType !== EventType.DialogParentMessageReceived ||
        typeof handler !== "function" ||
        !env.opener
      ) {
        const error = {
          ...OfficeErrors.eventNotSupported,
          message: `The specified event type ${String(eventType)} is not supported.`,
        };
        deliver(schedule, callback, failed(error, asyncContext));
        return;
      }
      const opener = env.opener;
      env.listenForMessages((event) => {
        if (
          event.source === opener &&
          isDialogChannelMessage(event.data) &&
          event.data.kind === "messageChild"
        ) {
          (handler as DialogHandler)({
            type: EventType.DialogParentMessageReceived,
            message: event.data.message,
            origin: event.origin,
          });
        }
      });
      deliver(schedule, callback, succeeded(undefined, asyncContext));
    },

    openBrowserWindow(url) {
      env.openWindow(url, "noopener");
    },
  };
}

function checkStartAddress(startAddress: unknown, origin: string) {
  let url: URL;
  try {
    url = new URL(String(startAddress)); // no base: relative addresses are refused, as in Office
  } catch {
    return OfficeErrors.dialogUntrustedDomain;
  }
  if (url.protocol === "http:") {
    return OfficeErrors.dialogRequiresHttps;
  }
  return url.protocol === "https:" && url.origin === origin
    ? null
    : OfficeErrors.dialogUntrustedDomain;
}

/** Office sizes dialogs in percent of the screen (`width`/`height`, default 80 here). */
function popupFeatures(
  options: Readonly<Record<string, unknown>>,
  screen: DialogEnvironment["screenSize"]
): string {
  const percent = (value: unknown) =>
    typeof value === "number" && value > 0 && value <= 100 ? value : 80;
  const width = Math.round((screen.width * percent(options["width"])) / 100);
  const height = Math.round((screen.height * percent(options["height"])) / 100);
  return `popup,width=${width},height=${height}`;
}

function toDialogMessage(message: unknown): string | boolean {
  return typeof message === "boolean" ? message : String(message);
}

function openDialog(env: DialogEnvironment, popup: PopupLike, onEnded: () => void) {
  const handlers = new Map<string, Set<DialogHandler>>();
  let ended = false;

  const raise = (eventType: string, args: Record<string, unknown>) => {
    for (const handler of handlers.get(eventType) ?? []) {
      handler(args);
    }
  };

  const stopListening = env.listenForMessages((event) => {
    if (
      !ended &&
      event.source === popup &&
      isDialogChannelMessage(event.data) &&
      event.data.kind === "messageParent"
    ) {
      raise(EventType.DialogMessageReceived, {
        type: EventType.DialogMessageReceived,
        message: event.data.message,
        origin: event.origin,
      });
    }
  });

  const end = () => {
    ended = true;
    stopListening();
    env.clearInterval(poll);
    onEnded();
  };

  const poll = env.setInterval(() => {
    if (!ended && popup.closed) {
      end();
      raise(EventType.DialogEventReceived, {
        type: EventType.DialogEventReceived,
        error: DIALOG_CLOSED_BY_USER,
      });
    }
  }, DIALOG_CLOSED_POLL_MS);

  const api = {
    /** `dialog.addEventHandler(eventType, handler)`. */
    addEventHandler(eventType: string, handler: DialogHandler) {
      if (
        eventType === EventType.DialogMessageReceived ||
        eventType === EventType.DialogEventReceived
      ) {
        const set = handlers.get(eventType) ?? new Set<DialogHandler>();
        set.add(handler);
        handlers.set(eventType, set);
      }
    },
    /** `dialog.close()`: closing from code raises no DialogEventReceived. */
    close() {
      if (!ended) {
        end();
        popup.close();
      }
    },
    /** `dialog.messageChild(message, [messageOptions])` (DialogApi 1.2). */
    messageChild(message: unknown, messageOptions?: { targetOrigin?: string }) {
      if (!ended) {
        const payload: DialogChannelMessage = {
          channel: DIALOG_CHANNEL,
          kind: "messageChild",
          message: toDialogMessage(message),
        };
        popup.postMessage(payload, messageOptions?.targetOrigin ?? env.origin);
      }
    },
  };
  return { api, close: api.close };
}
