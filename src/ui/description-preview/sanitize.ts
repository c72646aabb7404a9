/**
 * The sanitizer of the description preview, the one HTML view the pane renders. The renderer
 * (wiki-markup-to-html.ts) already escapes all text; this is the second wall, kept by people who
 * track the browsers' parsing quirks (DOMPurify, github.com/cure53/DOMPurify): whatever the HTML
 * holds, what comes out can't run a script or make the browser load anything.
 *
 * - Only the elements the renderer makes are kept: no img, video, audio, source, picture, object,
 *   embed, iframe, link, style, form, input, svg or math, so no remote resource can load.
 * - Only `href`, `dir`, `class` and `title` attributes: no `style`, no `src`, no event handlers.
 * - Links only to http, https and mailto, each with `rel="noopener noreferrer"` and
 *   `target="_blank"` (the linked page gets neither the pane's window nor its address).
 * - `class` only with the renderer's own class names; `dir` only `auto`, `ltr` or `rtl`.
 */
import createDOMPurify from "dompurify";
import type { Config, DOMPurify, UponSanitizeAttributeHookEvent, WindowLike } from "dompurify";
import { previewLinkUrl } from "./preview-links";
import { IMAGE_CHIP_CLASS } from "./wiki-inline";

/** DOMPurify can't work here (no DOM): the preview refuses to show anything unsanitized. */
export class PreviewSanitizerUnavailableError extends Error {
  override readonly name = "PreviewSanitizerUnavailableError";
  readonly code = "sanitizer_unavailable";

  constructor() {
    super(
      "The preview can't be shown here: this browser offers no safe way to clean its HTML. " +
        "The markup itself is unaffected; switch the preview off and edit it as text."
    );
  }
}

/** The elements the renderer makes, and nothing else. */
export const PREVIEW_ALLOWED_TAGS: readonly string[] = [
  ...["p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"],
  ...["strong", "em", "ins", "del", "sup", "sub", "cite", "code", "span", "a"],
  ...["ul", "ol", "li", "table", "tbody", "tr", "th", "td"],
];

/** Elements that load or submit something: refused by name too, whatever else changes. */
export const PREVIEW_FORBIDDEN_TAGS: readonly string[] = [
  ...["img", "image", "video", "audio", "source", "track", "picture", "object", "embed"],
  ...["iframe", "frame", "frameset", "link", "style", "meta", "base", "form", "input"],
  ...["button", "textarea", "select", "svg", "math", "script", "noscript", "template"],
];

const ALLOWED_CLASSES = new Set([IMAGE_CHIP_CLASS]);
const ALLOWED_DIRECTIONS = new Set(["auto", "ltr", "rtl"]);

const CONFIG: Config = {
  ALLOWED_TAGS: [...PREVIEW_ALLOWED_TAGS],
  ALLOWED_ATTR: ["href", "dir", "class", "title"],
  FORBID_TAGS: [...PREVIEW_FORBIDDEN_TAGS],
  FORBID_ATTR: ["style", "src", "srcset", "action", "formaction", "background", "poster"],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // DOMPurify checks the value of every attribute not known as URI-safe against this (after
  // removing whitespace and controls), so `href` can only be http, https or mailto …
  ALLOWED_URI_REGEXP: /^(?:https?|mailto):/i,
  // … and `dir` (whose values the hook below checks) must be named URI-safe to be kept at all.
  ADD_URI_SAFE_ATTR: ["dir"],
};

/** Cleans the preview's HTML; see {@link createPreviewSanitizer}. */
export interface PreviewSanitizer {
  /** `html` with everything outside the preview's allowlist removed. */
  sanitize(html: string): string;
}

/**
 * A sanitizer working on `window`'s DOM (the pane's window; a jsdom window in tests). Its own
 * DOMPurify instance, so its hooks apply to the preview only.
 * @throws PreviewSanitizerUnavailableError when DOMPurify can't run on that window.
 */
export function createPreviewSanitizer(window: WindowLike): PreviewSanitizer {
  const purify: DOMPurify = createDOMPurify(window);
  if (!purify.isSupported) {
    // DOMPurify returns its input unchanged when unsupported: never let that happen.
    throw new PreviewSanitizerUnavailableError();
  }
  purify.addHook("uponSanitizeAttribute", (_node, event: UponSanitizeAttributeHookEvent) => {
    if (event.attrName === "class") {
      event.keepAttr = event.attrValue.split(/\s+/).every((name) => ALLOWED_CLASSES.has(name));
    } else if (event.attrName === "dir") {
      event.keepAttr = ALLOWED_DIRECTIONS.has(event.attrValue.toLowerCase());
    }
  });
  purify.addHook("afterSanitizeAttributes", (node) => {
    if (node.nodeName.toUpperCase() !== "A") {
      return;
    }
    const href = node.getAttribute("href");
    if (href === null || previewLinkUrl(href) === null) {
      node.removeAttribute("href");
      return;
    }
    node.setAttribute("rel", "noopener noreferrer");
    node.setAttribute("target", "_blank");
  });
  return {
    sanitize: (html) => purify.sanitize(html, CONFIG),
  };
}

let pageSanitizer: PreviewSanitizer | undefined;

/**
 * Sanitizes `html` with the page's window (made once).
 * @throws PreviewSanitizerUnavailableError outside a browser.
 */
export function sanitizePreviewHtml(html: string): string {
  if (pageSanitizer === undefined) {
    if (typeof window === "undefined") {
      throw new PreviewSanitizerUnavailableError();
    }
    pageSanitizer = createPreviewSanitizer(window);
  }
  return pageSanitizer.sanitize(html);
}
