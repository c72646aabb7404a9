/**
 * A translated sentence with elements in it: "Linked to {issues}" with each key a link, "Added to
 * {issueKey}" with the key linking to the comment. The message is filled with a mark where an
 * element goes and split on it, so each language puts the elements where its grammar wants them
 * (German "Verknüpft mit SUP-1 und SUP-2", French "Ajouté à SUP-2"), and the elements stay React
 * elements (never markup made from text).
 */
import { Fragment } from "react";
import type { ReactNode } from "react";
import { formatList } from "./format";

/** Stands for an element in a filled message: a private-use character no message contains. */
export const ELEMENT_MARK = "\uE000";

/**
 * The pieces of `text` with its ELEMENT_MARKs replaced by `elements`, in order (a mark without an
 * element is left out).
 */
export function withElements(text: string, elements: readonly ReactNode[]): ReactNode[] {
  const pieces = text.split(ELEMENT_MARK);
  return pieces.flatMap((piece, index) => {
    const parts: ReactNode[] = [];
    if (piece !== "") parts.push(<Fragment key={`text-${index}`}>{piece}</Fragment>);
    if (index < pieces.length - 1) {
      parts.push(<Fragment key={`element-${index}`}>{elements[index]}</Fragment>);
    }
    return parts;
  });
}

/**
 * `count` marks joined as the active locale joins a list of names: "■, ■, and ■" in English,
 * "■, ■ und ■" in German, "■, ■ et ■" in French (the same Intl.ListFormat as formatList).
 */
export function listOfMarks(count: number): string {
  return formatList(Array.from({ length: count }, () => ELEMENT_MARK));
}
