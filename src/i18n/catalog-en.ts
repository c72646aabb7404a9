/**
 * The English strings: the source language, bundled with the pane (first paint never waits for
 * it) and the fallback for any string a translation lacks. One JSON resource file per area, so
 * translators work on files, and each area's strings change without touching the others'.
 */
import addToIssue from "./locales/en/addToIssue.json";
import app from "./locales/en/app.json";
import callback from "./locales/en/callback.json";
import common from "./locales/en/common.json";
import description from "./locales/en/description.json";
import errors from "./locales/en/errors.json";
import fields from "./locales/en/fields.json";
import finder from "./locales/en/finder.json";
import linkedIssues from "./locales/en/linkedIssues.json";
import newIssue from "./locales/en/newIssue.json";
import notices from "./locales/en/notices.json";

export const englishCatalog = {
  addToIssue,
  app,
  callback,
  common,
  description,
  errors,
  fields,
  finder,
  linkedIssues,
  newIssue,
  notices,
};
