/**
 * The Office.js enumerations the add-in reads, with their runtime (string) values
 * (learn.microsoft.com/javascript/api/office/office.eventtype and friends). @types/office-js
 * declares them as ambient enums; these objects are what `window.Office.*` holds at runtime.
 */
export const EventType = {
  ItemChanged: "olkItemSelectedChanged",
  DialogMessageReceived: "dialogMessageReceived",
  DialogEventReceived: "dialogEventReceived",
  DialogParentMessageReceived: "dialogParentMessageReceived",
  OfficeThemeChanged: "officeThemeChanged",
} as const;

export type EventTypeValue = (typeof EventType)[keyof typeof EventType];

export const AsyncResultStatus = { Succeeded: "succeeded", Failed: "failed" } as const;

export const CoercionType = { Html: "html", Text: "text" } as const;

export const HostType = { Outlook: "Outlook" } as const;

export const PlatformType = { OfficeOnline: "OfficeOnline" } as const;

export const MailboxEnums = {
  AttachmentContentFormat: { Base64: "base64", Eml: "eml", ICalendar: "iCalendar", Url: "url" },
  AttachmentType: { File: "file", Item: "item", Cloud: "cloud" },
  ItemType: { Message: "message", Appointment: "appointment" },
  BodyType: { Html: "html", Text: "text" },
} as const;
