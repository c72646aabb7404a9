/**
 * The pane's first requests, made while the rest of its bundle is still being evaluated: index.tsx
 * imports this module first, and ES modules run in import order, so the configuration and the work
 * views' chunk are on their way before React, Fluent and the session code have even run (on a slow
 * CPU that is tens of milliseconds earlier than start() could ask; docs/performance.md). Neither
 * needs Office.
 */
import { RUNTIME_CONFIG_FILE, loadRuntimeConfig } from "../config/runtime-config";
import type { RuntimeConfig } from "../config/runtime-config";
import { preloadEmailWork } from "../ui/lazy-email-work";

/** addin-config.json beside this page: the production pane's and the preview's each find their own. */
export const RUNTIME_CONFIG_URL = new URL(RUNTIME_CONFIG_FILE, location.href).href;

let earlyConfig: Promise<RuntimeConfig> | undefined = loadRuntimeConfig({
  url: RUNTIME_CONFIG_URL,
});
// Reported when the session asks for it (takeEarlyConfig), not as an unhandled rejection.
earlyConfig.catch(() => undefined);
preloadEmailWork();

/**
 * The configuration fetched at load, the first time it is asked for; undefined afterwards, so a
 * later start (Try again) fetches afresh and sees an administrator's fix.
 */
export function takeEarlyConfig(): Promise<RuntimeConfig> | undefined {
  const config = earlyConfig;
  earlyConfig = undefined;
  return config;
}
