/**
 * Serves the built add-in (dist/) with cache headers that fit content-hashed bundles, and keeps
 * the dev-only Outlook stand-in (preview.html, preview/) out of production.
 */
import path from "node:path";
import express from "express";
import type { Router } from "express";
import { RUNTIME_CONFIG_FILE } from "../config/runtime-config";

/** Cache-Control for files whose name carries a content hash: a new build gets a new name. */
export const IMMUTABLE_CACHE_CONTROL = "public, max-age=31536000, immutable";
/** Cache-Control for everything else: the browser revalidates (ETag) before each use. */
export const NO_CACHE = "no-cache";
/**
 * Cache-Control for addin-config.json: never stored, so an administrator's change (a new key, another
 * Jira) reaches the next pane load. runtime-config-route.ts serves it, under every spelling of its
 * path; this covers any other file of that name that reaches the static files (a copy in a folder).
 */
export const NO_STORE = "no-store";

/** Options of {@link createStaticFiles}. */
export interface StaticFilesOptions {
  /** The built add-in folder. */
  distDir: string;
  /** Serve `/preview.html` and `/preview/*` (the Outlook stand-in); otherwise they answer 404. */
  preview: boolean;
}

/**
 * True for file names with a content hash before the extension, as webpack writes them:
 * `taskpane.3f2a9c1b.js`, `vendors.3f2a9c1b5e.css`, `412.3f2a9c1b.js.map`, `3f2a9c1b0d4e5f60.png`.
 * HTML pages and manifest.xml are never treated as hashed: Outlook and the browser load them by
 * their fixed names, so they must always be revalidated.
 */
export function isContentHashedFile(fileName: string): boolean {
  const base = path.posix.basename(fileName.replace(/\\/g, "/")).toLowerCase();
  if (base.endsWith(".html") || base === "manifest.xml") {
    return false;
  }
  return /(^|\.)[0-9a-f]{8,64}\.[a-z0-9]+(\.map)?$/.test(base);
}

/**
 * True when `pathname` (as received, still percent-encoded) names the dev-only preview:
 * `/preview.html`, `/preview` or anything under `/preview/`. Decoded, slash-normalised and
 * lower-cased first, as the static file lookup would, so `/%70review.html`, `/a/../preview.html`
 * or `/PREVIEW.html` on a case-insensitive disk cannot reach the file either.
 */
export function isPreviewPath(pathname: string): boolean {
  const normalised = normalisedRequestPath(pathname);
  return (
    normalised !== undefined &&
    (normalised === "/preview.html" ||
      normalised === "/preview" ||
      normalised.startsWith("/preview/"))
  );
}

/**
 * `pathname` (as received, still percent-encoded) as the static file lookup reads it: decoded,
 * backslashes as slashes, `.`/`..` segments resolved, lower-cased (disks may ignore case), so
 * `/%70review/../Addin%2Dconfig.json` is `/addin-config.json`. Undefined when it can't be decoded
 * (the static handler answers 400 and serves nothing).
 */
export function normalisedRequestPath(pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  return path.posix.normalize(decoded.replace(/\\/g, "/")).toLowerCase();
}

/**
 * Returns a router for `/` (redirect to the start page) and the files of `distDir`.
 * Unknown paths fall through to the next handler (the server's 404).
 */
export function createStaticFiles(options: StaticFilesOptions): Router {
  const router = express.Router();
  const startPage = options.preview ? "/preview.html" : "/taskpane.html";

  router.get("/", (_req, res) => {
    res.setHeader("Cache-Control", NO_CACHE);
    res.redirect(302, startPage);
  });

  if (!options.preview) {
    // The Outlook stand-in fakes the Office host: never offer it from a production server,
    // even when a preview build left its files in dist/.
    router.use((req, _res, next) => {
      if (isPreviewPath(req.path)) {
        next("router"); // skip the static files: the server's 404 answers
        return;
      }
      next();
    });
  }

  router.use(
    express.static(options.distDir, {
      index: false, // "/" redirects above; folders are not browsable
      redirect: false,
      dotfiles: "ignore",
      fallthrough: true,
      cacheControl: false, // set per file below
      setHeaders: (res, filePath) => {
        res.setHeader(
          "Cache-Control",
          path.basename(filePath).toLowerCase() === RUNTIME_CONFIG_FILE
            ? NO_STORE
            : isContentHashedFile(filePath)
              ? IMMUTABLE_CACHE_CONTROL
              : NO_CACHE
        );
      },
    })
  );
  return router;
}
