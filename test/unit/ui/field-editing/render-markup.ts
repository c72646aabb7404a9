/**
 * Server-rendered markup as a DOM to query (domino, the DOM turndown uses in Node): the tests ask
 * for labels, roles and attributes the way a user and the e2e tests find controls.
 */
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";

// domino's own typings declare the module as "domino"; its entry point is CommonJS.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const domino = require("@mixmark-io/domino") as { createDocument(html: string): Document };

/** The element rendered into a document (its markup in `html`). */
export function renderDocument(element: ReactElement): { doc: Document; html: string } {
  const html = renderToStaticMarkup(element);
  return { doc: markupDocument(html), html };
}

/** Server-rendered markup as a document. */
export function markupDocument(html: string): Document {
  return domino.createDocument(`<!doctype html><body>${html}</body>`);
}

/** The elements under `root` matching `selector` (domino's lists aren't iterable). */
export function all(root: ParentNode, selector: string): Element[] {
  return Array.from(root.querySelectorAll(selector));
}

/** The first element under `root` matching `selector`, or null (domino answers undefined). */
export function first(root: ParentNode, selector: string): Element | null {
  return root.querySelector(selector) ?? null;
}

/** The text of a label without Fluent's aria-hidden "*" of required fields. */
function labelName(label: Element): string {
  const copy = label.cloneNode(true) as Element;
  all(copy, '[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return (copy.textContent ?? "").trim();
}

/** The labels of the document, by their name. */
export function labelTexts(doc: Document): string[] {
  return all(doc, "label").map(labelName);
}

/** The field label named exactly `name` (throws when there is none or several). */
export function fieldLabel(doc: Document, name: string): Element {
  const found = all(doc, "label[id]").filter((label) => labelName(label) === name);
  if (found.length !== 1) throw new Error(`${found.length} field labels named "${name}"`);
  return found[0];
}

/** The control a field label names (by `for`, else by aria-labelledby). */
export function controlOf(doc: Document, name: string): Element {
  const label = fieldLabel(doc, name);
  const byFor = label.getAttribute("for") && doc.getElementById(label.getAttribute("for") ?? "");
  if (byFor) return byFor;
  const byLabelledBy = first(doc, `[aria-labelledby~="${label.id}"]`);
  if (!byLabelledBy) throw new Error(`No control labelled "${name}"`);
  return byLabelledBy;
}

/** The Field (Fluent's root div) around the label named `name`. */
export function fieldOf(doc: Document, name: string): Element {
  const field = fieldLabel(doc, name).parentElement;
  if (!field) throw new Error(`Label "${name}" has no field`);
  return field;
}
