/**
 * Writes the Outlook manifest for one deployment.
 *
 * manifest.xml in the repository is written for the development URL (https://localhost:3000) and a
 * placeholder Jira host. A deployment needs the add-in's real URL everywhere Outlook loads something
 * from, and Jira's origin in AppDomains (the sign-in dialog navigates to Jira's authorize page).
 * The template is ours, so plain replacement of its known development values is exact and keeps
 * the XML byte-for-byte otherwise (comments and layout stay readable for Exchange admins).
 */
import { ConfigError } from "../config/config-error";
import { normaliseAddinUrl, normaliseJiraUrl } from "../config/urls";

/** The add-in URL manifest.xml is written for. */
export const DEVELOPMENT_ADDIN_URL = "https://localhost:3000";
/** The placeholder Jira origin in manifest.xml's AppDomains. */
export const PLACEHOLDER_JIRA_ORIGIN = "https://jira.example.com";

export interface ManifestOptions {
  /** Where the add-in is served, e.g. https://outlook-addin.example.com or https://host/jira-addin. */
  addinUrl: string;
  /** Jira's base URL; its origin goes into AppDomains. Omitted: the placeholder domain is dropped. */
  jiraUrl?: string;
  /** Manifest version (four numbers, e.g. 1.2.0.0); defaults to the template's. */
  version?: string;
}

/** Returns the manifest XML for `options`, from the repository's manifest.xml text. */
export function renderManifest(template: string, options: ManifestOptions): string {
  const addinUrl = normaliseAddinUrl(options.addinUrl);
  const placeholderDomain = `    <AppDomain>${PLACEHOLDER_JIRA_ORIGIN}</AppDomain>\n`;
  if (!template.includes(DEVELOPMENT_ADDIN_URL) || !template.includes(placeholderDomain)) {
    throw new ConfigError(
      "manifest_template_changed",
      `manifest.xml no longer contains ${DEVELOPMENT_ADDIN_URL} and the ${PLACEHOLDER_JIRA_ORIGIN} AppDomain line: ` +
        "update src/admin/manifest.ts together with the template."
    );
  }
  const addinOrigin = new URL(addinUrl).origin;
  // AppDomains take origins; every other occurrence is a URL under the add-in's (sub-)path.
  let xml = template
    .split(`<AppDomain>${DEVELOPMENT_ADDIN_URL}</AppDomain>`)
    .join(`<AppDomain>${escapeXml(addinOrigin)}</AppDomain>`)
    .split(DEVELOPMENT_ADDIN_URL)
    .join(escapeXml(addinUrl));
  const jiraOrigin = options.jiraUrl
    ? new URL(normaliseJiraUrl(options.jiraUrl)).origin
    : undefined;
  xml = xml.replace(
    placeholderDomain,
    jiraOrigin && jiraOrigin !== addinOrigin
      ? `    <AppDomain>${escapeXml(jiraOrigin)}</AppDomain>\n`
      : ""
  );
  if (options.version !== undefined) {
    if (!/^\d{1,5}(\.\d{1,5}){3}$/.test(options.version)) {
      throw new ConfigError(
        "manifest_version_invalid",
        `Manifest version "${options.version}" must be four numbers like 1.2.0.0.`
      );
    }
    xml = xml.replace(/<Version>[^<]*<\/Version>/, `<Version>${options.version}</Version>`);
  }
  return xml;
}

/** Turns a package.json version (1.2.3, 1.2.3-beta.1) into the manifest's four-part form. */
export function manifestVersionOf(packageVersion: string): string {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(packageVersion);
  if (!match) {
    throw new ConfigError(
      "manifest_version_invalid",
      `package.json version "${packageVersion}" is not semver.`
    );
  }
  return `${match[1]}.${match[2]}.${match[3]}.0`;
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
