/**
 * `Office.context.requirements.isSetSupported` for the two clients the preview emulates.
 * Versions per learn.microsoft.com/javascript/api/requirement-sets/outlook/outlook-api-requirement-sets
 * and …/common/dialog-api-requirement-sets: Outlook on the web supports Mailbox 1.1–1.14 (and more),
 * a client on an Exchange 2016/2019 on-premises mailbox is limited to Mailbox 1.5.
 */
import type { MailboxMode } from "../host-model";

const SUPPORTED: Readonly<Record<MailboxMode, Readonly<Record<string, string>>>> = {
  modern: { mailbox: "1.14", dialogapi: "1.2", dialogorigin: "1.1", identityapi: "1.3" },
  onPremises15: { mailbox: "1.5", dialogapi: "1.1" },
};

export interface RequirementsStandIn {
  /** Set names are case-insensitive; `minVersion` omitted means "1.1", as in Office. */
  isSetSupported(name: string, minVersion?: string | number): boolean;
}

export function createRequirements(mode: MailboxMode): RequirementsStandIn {
  return {
    isSetSupported(name, minVersion = "1.1") {
      const highest = SUPPORTED[mode][String(name).toLowerCase()];
      return highest !== undefined && compareVersions(String(minVersion), highest) <= 0;
    },
  };
}

/** Compares dotted versions numerically ("1.10" > "1.9"). */
export function compareVersions(left: string, right: string): number {
  const a = left.split(".").map(Number);
  const b = right.split(".").map(Number);
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) {
      return Math.sign(difference);
    }
  }
  return 0;
}
