/**
 * jsrsasign, loaded on first use only. Its main entry is one CommonJS file bundlers cannot trim
 * (+77 KB gzip, see ../shared/docs/jira-and-office-facts.md): the task pane needs it only for a
 * PKCS#1 key or where WebCrypto is missing, so webpack puts it in a separate chunk.
 */
import type * as Jsrsasign from "jsrsasign";

/** The jsrsasign module as its type definitions describe it. */
export type JsrsasignModule = typeof Jsrsasign;

let loading: Promise<JsrsasignModule> | undefined;

/** Loads jsrsasign once; every later call gets the same module. */
export function loadJsrsasign(): Promise<JsrsasignModule> {
  if (loading) {
    return loading;
  }
  const attempt = import("jsrsasign").then((module) => {
    // CommonJS through `import()`: webpack and ts-jest expose the exports directly, Node's ESM
    // loader only as `default`.
    const withDefault = module as JsrsasignModule & { default?: JsrsasignModule };
    return withDefault.KEYUTIL ? withDefault : (withDefault.default as JsrsasignModule);
  });
  // A failed load (a chunk that didn't download) may be retried later; a newer attempt is kept.
  attempt.catch(() => {
    if (loading === attempt) {
      loading = undefined;
    }
  });
  loading = attempt;
  return attempt;
}
