// What the browser's DOMParser is in Node tests, for the pane's EWS code and the stand-in's:
// @xmldom/xmldom, namespace-aware like the browser's.
import { DOMParser } from "@xmldom/xmldom";

/** Parses like DOMParser with "application/xml", except that malformed XML throws. */
export function parseXml(text: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") throw new Error(message);
    },
  }).parseFromString(text, "application/xml") as unknown as Document;
}
