/**
 * Security headers set on every response of the add-in server, static files and relayed Jira
 * responses alike; on relayed responses ours win over any Jira sends (relay-headers.ts).
 *
 * The Content-Security-Policy is the pane's second wall after "nothing from an email is ever
 * rendered as HTML": should some text still get into the DOM as markup, it can't run a script,
 * load a tracking pixel or send anything anywhere but the add-in's own origin.
 */
import type { RequestHandler } from "express";

/** The directives of {@link CONTENT_SECURITY_POLICY}, each with its sources. */
export const CONTENT_SECURITY_POLICY_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  // Anything not named below (fonts, media, manifests, workers' fallbacks…) is refused.
  "default-src": ["'none'"],
  // Our own files only: no inline script, no eval (no 'unsafe-eval'). office.js and the Outlook
  // host scripts it loads next to itself (dist/office-js/, copied by webpack.config.js) add their
  // scripts as <script src> from that same folder and use no eval or new Function: checked in
  // @microsoft/office-js 1.1.110 (office.js, outlook-*.js, outlookwebapp-*.js, telemetry/,
  // ariatelemetry/, agaveerrorux/; see docs/security.md). The pane's chunks load the same way.
  "script-src": ["'self'"],
  // 'unsafe-inline' is NOT for Fluent UI: Griffel and FluentProvider create empty <style>
  // elements and fill them through the CSSOM (sheet.insertRule), which CSP doesn't govern, so the
  // empty element's hash ('sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=') would do for them
  // (@griffel/core getStyleSheetForBucket.js, @fluentui/react-provider
  // useFluentProviderThemeStyleTag.js). It is for the email: the converter reads the email's HTML
  // with DOMParser in the pane (src/mail/load-email-converter.ts), and Chromium checks every
  // style attribute and <style> of that inert document against the PAGE's policy, reporting each
  // refusal. Refused, an Outlook email's 20,000 styled paragraphs took 2.7-3.4 s to parse instead
  // of 40-100 ms, with 20,000 console errors (measured in Chromium, session 16). Inline styles
  // can't load anything (img-src and default-src below refuse every remote url()), and the only
  // HTML the pane sets itself, the description preview, keeps no style attribute or element
  // (src/ui/description-preview/sanitize.ts).
  "style-src": ["'self'", "'unsafe-inline'"],
  // The pane's bundle (the logo may be inlined as a data: URL) and files the user picks (blob:).
  // Never a remote image: nothing from an email is ever loaded by the pane.
  "img-src": ["'self'", "data:", "blob:"],
  // addin-config.json and the /jira relay are on the add-in's own origin. Office.js telemetry
  // posting straight to *.pipe.aria.microsoft.com from the pane is refused on purpose: Outlook's
  // own telemetry goes through the host, not through our page.
  "connect-src": ["'self'"],
  // Same-origin frames only: office.js's "is this host trusted?" page
  // (office-js/AgaveErrorUX/index.html, outlook-web-16.01.js checkReceiverOriginAndRun) and, in
  // the dev-only preview page, the task pane itself. The Office dialog (callback.html) is a window
  // Outlook opens, not a frame of the pane.
  "frame-src": ["'self'"],
  "object-src": ["'none'"],
  // No <base> may turn a relative URL (a chunk, the relay) into somebody else's.
  "base-uri": ["'none'"],
  // The pane submits no HTML form; a form injected somewhere can't post either.
  "form-action": ["'none'"],
  // Deliberately no frame-ancestors (nor X-Frame-Options): Outlook on the web shows the task pane
  // in an iframe of its own origin, and the desktop clients in a webview that frames it.
};

/**
 * The Content-Security-Policy of every response: the task pane (`taskpane.html`, and
 * `preview/taskpane.html`, the same pane on the Outlook stand-in), the OAuth callback page in the
 * Office dialog (`callback.html`), the dev-only preview page (`preview.html`, whose reading pane
 * shows an email in a sandboxed srcdoc frame that inherits this policy and narrows it with its
 * own, src/preview/email-srcdoc.ts), and everything else (scripts, JSON, relayed Jira answers: a
 * Jira page opened from the add-in's origin gets no more than the pane).
 */
export const CONTENT_SECURITY_POLICY = Object.entries(CONTENT_SECURITY_POLICY_DIRECTIVES)
  .map(([name, sources]) => [name, ...sources].join(" "))
  .join("; ");

/** Options of {@link createSecurityHeaders}. */
export interface SecurityHeadersOptions {
  /** Replaces {@link CONTENT_SECURITY_POLICY} (a deployment's own); "" sends no CSP header. */
  contentSecurityPolicy?: string;
}

/**
 * Returns middleware that sets the security headers.
 *
 * Deliberately absent: `X-Frame-Options: DENY` and CSP `frame-ancestors 'none'`, because Outlook
 * shows the task pane in an iframe (Outlook on the web) or a webview that frames it.
 * Also absent: HSTS, which on `localhost` would pin every other local dev server to HTTPS.
 */
export function createSecurityHeaders(options: SecurityHeadersOptions = {}): RequestHandler {
  const contentSecurityPolicy = options.contentSecurityPolicy ?? CONTENT_SECURITY_POLICY;
  return (_req, res, next) => {
    // Browsers must not guess a script or style out of a text or JSON response.
    res.setHeader("X-Content-Type-Options", "nosniff");
    // The pane's URLs and Jira's relayed URLs (JQL, issue keys) stay out of Referer headers.
    res.setHeader("Referrer-Policy", "no-referrer");
    if (contentSecurityPolicy !== "") {
      res.setHeader("Content-Security-Policy", contentSecurityPolicy);
    }
    next();
  };
}
