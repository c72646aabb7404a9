import { t } from "../i18n/translate";

/** "Jira: jira.example.com" (the host, with its port if any) for a Jira base URL. */
export function jiraHostCaption(jiraBaseUrl: string): string {
  let host: string;
  try {
    host = new URL(jiraBaseUrl).host;
  } catch {
    host = jiraBaseUrl; // Not a URL after all: show it as it is rather than nothing.
  }
  return t("app.jiraHost", { host });
}
