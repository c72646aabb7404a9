/**
 * Office's display language for pages other than the task pane, such as the sign-in dialog's
 * callback page: the dialog runs in the same Office session as the pane, so it speaks the same
 * language (Office.context.displayLanguage, available in dialogs too:
 * learn.microsoft.com/javascript/api/office/office.context#office-office-context-displaylanguage-member).
 */

/**
 * The BCP 47 tag of Office's UI language (e.g. "de-DE") once Office is ready; the browser's
 * language when the page runs without Office (office.js missing, or no display language given).
 */
export async function officeDisplayLanguage(): Promise<string> {
  const browserLanguage = typeof navigator === "undefined" ? "en-US" : navigator.language;
  if (typeof Office === "undefined") return browserLanguage;
  await Office.onReady();
  return Office.context?.displayLanguage || browserLanguage;
}
