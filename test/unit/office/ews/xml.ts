// What the pane's DOMParser is in Node tests: @xmldom/xmldom, namespace-aware like the browser's.
import { DOMParser } from "@xmldom/xmldom";

/** Parses XML text; malformed XML throws (the adapter handles throwing and parsererror parsers). */
export function parseXml(text: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") throw new Error(message);
    },
  }).parseFromString(text, "application/xml") as unknown as Document;
}
