/**
 * `Office.context.mailbox` in read mode (learn.microsoft.com/javascript/api/outlook/office.mailbox),
 * bound to the preview host's current message.
 *
 * Behaviour emulated:
 * - `mailbox.item` is replaced when the user selects another message; a pinned pane
 *   (`SupportsPinning`) learns it through `ItemChanged` (Mailbox 1.5) and reads `mailbox.item` again.
 * - Calls on an item that is no longer selected fail with 9030 "APICallFailedDueToItemChange".
 * - Methods of newer requirement sets are absent (undefined) on older clients: `getAttachmentContentAsync`
 *   and `getAllInternetHeadersAsync` need Mailbox 1.8, `getAsFileAsync` 1.14; `OfficeThemeChanged` needs 1.14.
 * - On-premises clients (Mailbox 1.5) expose `makeEwsRequestAsync`, answered by the EWS stand-in
 *   (ews.ts) for the current message, later, like every async call.
 */
import type { MailboxMode, PreviewHost, PreviewHostEvent } from "../host-model";
import { officeThemeColors } from "../host-model";
import type { PreviewAttachment, PreviewMessage } from "../message-model";
import type { KeyValueStorage } from "../storage";
import { base64ToBytes } from "../base64";
import { deliver, failed, parseAsyncArgs, succeeded } from "./async-result";
import type { AsyncCallback, OfficeErrorInfo, Schedule } from "./async-result";
import { loadCustomProperties } from "./custom-properties";
import type { CustomPropertiesStandIn } from "./custom-properties";
import { CoercionType, EventType, MailboxEnums } from "./enums";
import { OfficeErrors, officeArgumentError } from "./errors";
import { answerEwsRequest } from "./ews";
import type { ParseXml } from "./ews";
import { createRequirements } from "./requirements";

/** What the mailbox needs from the preview host (a subset of {@link PreviewHost}). */
export type MailboxHostSource = Pick<PreviewHost, "getSnapshot" | "subscribe" | "userProfile">;

export interface MailboxOptions {
  /** The preview host, or null when the page runs without one (then `item` is null). */
  readonly host: MailboxHostSource | null;
  readonly mode: MailboxMode;
  readonly schedule: Schedule;
  readonly storage: KeyValueStorage;
  /** Converts an HTML body to text for `body.getAsync(Text)`; the browser passes a DOMParser-based one. */
  readonly htmlToText: (html: string) => string;
  /** Parses EWS requests for `makeEwsRequestAsync`; the browser passes a DOMParser-based one. */
  readonly parseXml: ParseXml;
  /** Inside an Office dialog there is no current item. */
  readonly isDialog?: boolean;
}

type Handler = (args: Record<string, unknown>) => void;

/** office.js refuses longer makeEwsRequestAsync requests (maxEwsRequestSize in outlook-web-16.01). */
const EWS_MAX_REQUEST_CHARS = 1_000_000;
/**
 * Outlook on the web fails answers over 5 MB of characters
 * (learn.microsoft.com/office/dev/add-ins/outlook/limits-for-activation-and-javascript-api-for-outlook-add-ins).
 */
const EWS_MAX_ANSWER_CHARS = 5_000_000;

/** The stand-in mailbox and a `dispose` that detaches it from the host (call on page unload). */
export interface MailboxBinding {
  readonly mailbox: Record<string, unknown>;
  dispose(): void;
}

export function createMailbox(options: MailboxOptions): MailboxBinding {
  const { host, mode, schedule } = options;
  const requirements = createRequirements(mode);
  const supportsThemeEvent = requirements.isSetSupported("Mailbox", "1.14");
  const handlers = new Map<string, Set<Handler>>();

  let currentMessage: PreviewMessage | null = null;
  let currentItem: Record<string, unknown> | null = null;

  function item(): Record<string, unknown> | null {
    const message = options.isDialog ? null : (host?.getSnapshot().item ?? null);
    if (message !== currentMessage) {
      currentMessage = message;
      currentItem = message === null ? null : createMessageItem(message);
    }
    return currentItem;
  }

  function isSelected(message: PreviewMessage): boolean {
    return (host?.getSnapshot().item ?? null)?.itemId === message.itemId;
  }

  function raise(eventType: string, args: Record<string, unknown>): void {
    for (const handler of handlers.get(eventType) ?? []) {
      schedule(() => handler({ ...args }));
    }
  }

  function handleHostEvent(event: PreviewHostEvent): void {
    if (event.type === "itemChanged" && !options.isDialog) {
      raise(EventType.ItemChanged, { type: EventType.ItemChanged });
    } else if (event.type === "themeChanged" && supportsThemeEvent && host) {
      raise(EventType.OfficeThemeChanged, {
        type: EventType.OfficeThemeChanged,
        officeTheme: { ...officeThemeColors(host.getSnapshot().theme) },
      });
    }
    // mailboxModeChanged: the preview page reloads the pane, as Outlook restarts the add-in.
  }

  const unsubscribe = host?.subscribe(handleHostEvent) ?? (() => undefined);

  function createMessageItem(message: PreviewMessage): Record<string, unknown> {
    /** Runs `work` unless the item is no longer selected, and delivers its outcome later. */
    function respond<T>(
      callback: AsyncCallback<T> | undefined,
      asyncContext: unknown,
      work: () => T | OfficeErrorInfo
    ): void {
      const outcome = isSelected(message) ? work() : OfficeErrors.itemChanged;
      schedule(() => {
        // Outlook also fails calls whose item was switched while they were in flight.
        const result = !isSelected(message)
          ? failed<T>(OfficeErrors.itemChanged, asyncContext)
          : isOfficeError(outcome)
            ? failed<T>(outcome, asyncContext)
            : succeeded(outcome, asyncContext);
        callback?.(result);
      });
    }

    const attachmentById = (id: unknown): PreviewAttachment | undefined =>
      message.attachments.find((attachment) => attachment.id === id);

    const messageItem: Record<string, unknown> = {
      itemType: MailboxEnums.ItemType.Message,
      itemClass: "IPM.Note",
      itemId: message.itemId,
      internetMessageId: message.internetMessageId,
      conversationId: message.conversationId,
      subject: message.subject,
      normalizedSubject: message.normalizedSubject,
      from: copyAddress(message.from),
      sender: copyAddress(message.sender),
      to: message.to.map(copyAddress),
      cc: message.cc.map(copyAddress),
      dateTimeCreated: new Date(message.dateTimeCreated),
      dateTimeModified: new Date(message.dateTimeCreated),
      attachments: message.attachments.map((attachment) => ({
        id: attachment.id,
        name: attachment.name,
        contentType: attachment.contentType,
        size: attachment.size,
        attachmentType: attachment.attachmentType,
        isInline: attachment.isInline,
        ...(attachment.contentId === undefined ? {} : { contentId: attachment.contentId }),
      })),
      body: {
        /** `body.getAsync(coercionType, [options], callback)` (Mailbox 1.3). */
        getAsync(coercionType: unknown, ...rest: unknown[]) {
          const { callback, asyncContext } = parseAsyncArgs<string>(rest);
          respond(callback, asyncContext, () => {
            if (coercionType === CoercionType.Html) {
              return message.bodyHtml ?? textToHtml(message.bodyText ?? "");
            }
            if (coercionType === CoercionType.Text) {
              return message.bodyText ?? options.htmlToText(message.bodyHtml ?? "");
            }
            return OfficeErrors.invalidCoercion;
          });
        },
        /** `body.getTypeAsync([options], callback)` (Mailbox 1.3). */
        getTypeAsync(...rest: unknown[]) {
          const { callback, asyncContext } = parseAsyncArgs<string>(rest);
          respond(callback, asyncContext, () =>
            message.bodyHtml === null ? CoercionType.Text : CoercionType.Html
          );
        },
      },
      /** `loadCustomPropertiesAsync(callback, [userContext])` (Mailbox 1.1). */
      loadCustomPropertiesAsync(
        callback: AsyncCallback<CustomPropertiesStandIn>,
        userContext?: unknown
      ) {
        respond(callback, userContext, () =>
          loadCustomProperties({ storage: options.storage, schedule, itemId: message.itemId })
        );
      },
    };

    if (requirements.isSetSupported("Mailbox", "1.8")) {
      /** `getAttachmentContentAsync(id, [options], callback)` (Mailbox 1.8). */
      messageItem["getAttachmentContentAsync"] = (attachmentId: unknown, ...rest: unknown[]) => {
        const { callback, asyncContext } = parseAsyncArgs<{ format: string; content: string }>(
          rest
        );
        respond(callback, asyncContext, () => {
          const attachment = attachmentById(attachmentId);
          if (!attachment) {
            return OfficeErrors.invalidAttachmentId;
          }
          return attachment.attachmentType === "item"
            ? {
                format: MailboxEnums.AttachmentContentFormat.Eml,
                content: new TextDecoder().decode(base64ToBytes(attachment.contentBase64)),
              }
            : {
                format: MailboxEnums.AttachmentContentFormat.Base64,
                content: attachment.contentBase64,
              };
        });
      };
      /** `getAllInternetHeadersAsync([options], callback)` (Mailbox 1.8). */
      messageItem["getAllInternetHeadersAsync"] = (...rest: unknown[]) => {
        const { callback, asyncContext } = parseAsyncArgs<string>(rest);
        respond(callback, asyncContext, () => message.internetHeaders);
      };
    }
    if (requirements.isSetSupported("Mailbox", "1.14")) {
      /** `getAsFileAsync([options], callback)` (Mailbox 1.14): the whole message as base64 EML. */
      messageItem["getAsFileAsync"] = (...rest: unknown[]) => {
        const { callback, asyncContext } = parseAsyncArgs<string>(rest);
        respond(callback, asyncContext, () => message.emlBase64);
      };
    }
    return messageItem;
  }

  const mailbox: Record<string, unknown> = {
    diagnostics: { hostName: "Outlook", hostVersion: "16.0.0.0-preview", OWAView: "ThreeColumns" },
    userProfile: {
      displayName: host?.userProfile.displayName ?? "Preview user",
      emailAddress: host?.userProfile.emailAddress ?? "preview.user@contoso.example",
      timeZone: "UTC",
      accountType: "enterprise",
    },
    /** `addHandlerAsync(eventType, handler, [options], [callback])` (Mailbox 1.5). */
    addHandlerAsync(eventType: unknown, handler: unknown, ...rest: unknown[]) {
      const { callback, asyncContext } = parseAsyncArgs<undefined>(rest);
      const supported =
        eventType === EventType.ItemChanged ||
        (eventType === EventType.OfficeThemeChanged && supportsThemeEvent);
      if (!supported || typeof handler !== "function") {
        const error = {
          ...OfficeErrors.eventNotSupported,
          message: `The specified event type ${String(eventType)} is not supported.`,
        };
        deliver(schedule, callback, failed(error, asyncContext));
        return;
      }
      const set = handlers.get(eventType) ?? new Set<Handler>();
      set.add(handler as Handler);
      handlers.set(eventType, set);
      deliver(schedule, callback, succeeded(undefined, asyncContext));
    },
    /** `removeHandlerAsync(eventType, [options], [callback])`: removes every handler of that type. */
    removeHandlerAsync(eventType: unknown, ...rest: unknown[]) {
      const { callback, asyncContext } = parseAsyncArgs<undefined>(rest);
      handlers.delete(String(eventType));
      deliver(schedule, callback, succeeded(undefined, asyncContext));
    },
  };
  Object.defineProperty(mailbox, "item", { enumerable: true, get: item });

  if (mode === "onPremises15") {
    /**
     * `makeEwsRequestAsync(data, callback, [userContext])` (Mailbox 1.1; EWS on-premises only), as
     * office.js does it: `data` that isn't a string, or longer than 1,000,000 characters, throws
     * before anything is sent; Exchange's SOAP answer (a fault or an error response too) is the
     * succeeded result's value; an answer over 5 MB fails with 9020.
     */
    mailbox["makeEwsRequestAsync"] = (
      data: unknown,
      callback?: AsyncCallback<string>,
      userContext?: unknown
    ) => {
      if (typeof data !== "string") {
        throw officeArgumentError(
          "ArgumentTypeException",
          "data",
          `Object of type '${typeof data}' cannot be converted to type 'string'.`
        );
      }
      if (data.length > EWS_MAX_REQUEST_CHARS) {
        throw officeArgumentError(
          "ArgumentException",
          "data",
          "The request exceeds the 1 MB size limit. Please modify your EWS request."
        );
      }
      const message = options.isDialog ? null : (host?.getSnapshot().item ?? null);
      const answer = answerEwsRequest(data, message, options.parseXml);
      deliver(
        schedule,
        callback,
        answer.length > EWS_MAX_ANSWER_CHARS
          ? failed<string>(OfficeErrors.ewsResponseTooLarge, userContext)
          : succeeded(answer, userContext)
      );
    };
  }

  return { mailbox, dispose: unsubscribe };
}

function isOfficeError(value: unknown): value is OfficeErrorInfo {
  return (
    typeof value === "object" &&
    value !== null &&
    Object.values(OfficeErrors).includes(value as (typeof OfficeErrors)[keyof typeof OfficeErrors])
  );
}

function copyAddress<T extends { displayName: string; emailAddress: string } | null>(
  address: T
): T {
  return (
    address === null
      ? null
      : { displayName: address.displayName, emailAddress: address.emailAddress }
  ) as T;
}

/** What Outlook answers for an HTML body request on a text message: the text, escaped, in HTML. */
export function textToHtml(text: string): string {
  const escaped = text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
  return `<html><body><div>${escaped.replace(/\r?\n/g, "<br>\n")}</div></body></html>`;
}
