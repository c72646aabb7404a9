/**
 * Waits for Office.js and tells whether the page runs inside Outlook. Opened in a plain browser,
 * office.js still resolves onReady, with no host: the pane then explains where to open it.
 */
export interface OfficeHostInfo {
  inOutlook: boolean;
  /** e.g. "OfficeOnline", "PC", "Mac"; null outside Office. */
  platform: string | null;
  /** Office's UI language, e.g. "en-US". */
  displayLanguage: string;
}

export async function waitForOffice(): Promise<OfficeHostInfo> {
  if (typeof Office === "undefined") {
    return { inOutlook: false, platform: null, displayLanguage: navigator.language };
  }
  const info = await Office.onReady();
  const inOutlook = info.host === Office.HostType.Outlook && Boolean(Office.context?.mailbox);
  return {
    inOutlook,
    platform: info.platform ? String(info.platform) : null,
    displayLanguage: (inOutlook && Office.context.displayLanguage) || navigator.language,
  };
}
