/**
 * The parts of the `Office` global's enums that src/office/ reads, with Office.js's real values,
 * so adapters can be unit-tested in Node. Tests build the host objects (items, mailbox) themselves.
 */
export function installOfficeEnums(extra: Record<string, unknown> = {}): void {
  (globalThis as Record<string, unknown>).Office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { ItemChanged: "olkItemSelectedChanged", OfficeThemeChanged: "officeThemeChanged" },
    MailboxEnums: {
      ItemType: { Message: "message", Appointment: "appointment" },
      AttachmentType: { File: "file", Item: "item", Cloud: "cloud" },
    },
    HostType: { Outlook: "Outlook" },
    ...extra,
  };
}

export function removeOfficeGlobal(): void {
  delete (globalThis as Record<string, unknown>).Office;
}
