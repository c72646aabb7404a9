/**
 * Text of an HTML body, for `body.getAsync(Text)` on an HTML message (Outlook converts it the same
 * way: block elements and <br> become line breaks). DOMParser documents are inert: no scripts run and
 * nothing is fetched, so hostile email HTML is safe to parse here.
 */
const BLOCKS = "p,div,tr,li,h1,h2,h3,h4,h5,h6,blockquote,pre,table,hr";

export function htmlToTextWithDomParser(html: string): string {
  const document = new DOMParser().parseFromString(html, "text/html");
  document.querySelectorAll("script,style,head,title").forEach((element) => element.remove());
  document.querySelectorAll("br").forEach((element) => element.replaceWith("\n"));
  document.querySelectorAll(BLOCKS).forEach((element) => element.append("\n"));
  return (document.body?.textContent ?? "")
    .replace(/\u00a0/g, " ")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
