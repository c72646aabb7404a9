/**
 * Security headers set on every response of the add-in server, static files and relayed Jira
 * responses alike (a header Jira sends itself replaces ours on relayed responses).
 */
import type { RequestHandler } from "express";

/**
 * The Content-Security-Policy for the add-in's pages: the one place to define it.
 * Undefined for now: a later issue adds the policy (Office.js from appsforoffice.microsoft.com,
 * Fluent UI's inline styles and the /jira relay must all keep working under it).
 */
export const CONTENT_SECURITY_POLICY: string | undefined = undefined;

/** Options of {@link createSecurityHeaders}. */
export interface SecurityHeadersOptions {
  /** Overrides {@link CONTENT_SECURITY_POLICY}; undefined sends no CSP header. */
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
    if (contentSecurityPolicy !== undefined) {
      res.setHeader("Content-Security-Policy", contentSecurityPolicy);
    }
    next();
  };
}
