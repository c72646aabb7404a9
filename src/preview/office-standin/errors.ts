/**
 * The Office errors the stand-in reports, with Office's codes, names and (English) messages.
 * Codes and texts from office.js (node_modules/@microsoft/office-js/dist/outlook-web-16.01.debug.js,
 * en-us/office_strings.debug.js) and learn.microsoft.com/office/dev/add-ins/reference/javascript-api-for-office-error-codes.
 */
import type { OfficeErrorInfo } from "./async-result";

export const OfficeErrors = {
  invalidCoercion: {
    code: 1000,
    name: "Invalid Coercion Type",
    message: "The specified coercion type is not supported.",
  },
  invalidAttachmentId: {
    code: 9003,
    name: "InvalidAttachmentId",
    message: "The attachment ID was invalid.",
  },
  genericSettingsError: {
    code: 9019,
    name: "GenericSettingsError",
    message: "The settings couldn't be saved.",
  },
  /** Outlook's 2,500-character limit on an item's custom properties (JSON of all of them). */
  customPropertiesTooLarge: {
    code: 9031,
    name: "InvalidParameterValueError",
    message:
      "The value of the parameter 'customProperties' is invalid: custom properties can't exceed 2,500 characters.",
  },
  /** An event type this client doesn't raise (e.g. OfficeThemeChanged below Mailbox 1.14). */
  eventNotSupported: {
    code: 5000,
    name: "Operation Not Supported",
    message: "The specified event type is not supported.",
  },
  itemChanged: {
    code: 9030,
    name: "APICallFailedDueToItemChange",
    message: "The selected item has been changed.",
  },
  /** Roaming settings over 32 KB (the brief and ../shared/docs name this code 9057). */
  roamingSettingsTooLarge: {
    code: 9057,
    name: "RoamingSettingsSizeExceeded",
    message: "Invalid parameter size. Roaming settings can't exceed the 32 KB size limit.",
  },
  /** A makeEwsRequestAsync answer over the client's limit (5 MB in Outlook on the web). */
  ewsResponseTooLarge: {
    code: 9020,
    name: "GenericResponseError",
    message: "The response exceeds the 5 MB size limit. Please modify your EWS request.",
  },
  dialogUntrustedDomain: {
    code: 12004,
    name: "Display Dialog Error",
    message:
      "The domain of the URL is not included in the AppDomains element in the manifest, and is not subdomain of source location.",
  },
  dialogRequiresHttps: {
    code: 12005,
    name: "Display Dialog Error",
    message: "The HTTP protocol is not supported. Use HTTPS instead",
  },
  dialogAlreadyOpen: {
    code: 12007,
    name: "Display Dialog Error",
    message: "The operation failed because this add-in already has an active dialog.",
  },
  dialogPopupBlocked: {
    code: 12011,
    name: "Display Dialog Error",
    message: "The dialog box couldn't open: the browser blocked the popup window.",
  },
} as const satisfies Record<string, OfficeErrorInfo>;

/** The code `DialogEventReceived` carries when the user closes the dialog window. */
export const DIALOG_CLOSED_BY_USER = 12006;

/**
 * What office.js throws (synchronously, before calling the host) for a bad argument: an Error whose
 * name and message start with the Sys exception type, e.g. "Sys.ArgumentOutOfRangeException"
 * (outlook-web-16.01.debug.js, createArgumentOutOfRange and friends).
 */
export function officeArgumentError(
  type: "ArgumentException" | "ArgumentTypeException" | "ArgumentOutOfRangeException",
  parameter: string,
  detail: string
): Error {
  const error = new Error(`Sys.${type}: ${detail}\nParameter name: ${parameter}`);
  error.name = `Sys.${type}`;
  return error;
}
