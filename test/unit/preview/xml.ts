// The XML parser the stand-in gets in Node tests (the browser passes its own DOMParser).
import { DOMParser } from "@xmldom/xmldom";

/** Parses like the browser's DOMParser with "application/xml"; malformed XML throws. */
export function parseXml(text: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") throw new Error(message);
    },
  }).parseFromString(text, "application/xml") as unknown as Document;
}
