/**
 * The German strings, loaded as their own chunk only when Office's display language asks for them.
 * A string missing here falls back to English (catalog-en.ts); test/unit/i18n checks that none is.
 */
import type { Catalog } from "./catalog-types";
import addToIssue from "./locales/de/addToIssue.json";
import app from "./locales/de/app.json";
import callback from "./locales/de/callback.json";
import common from "./locales/de/common.json";
import description from "./locales/de/description.json";
import errors from "./locales/de/errors.json";
import fields from "./locales/de/fields.json";
import finder from "./locales/de/finder.json";
import linkedIssues from "./locales/de/linkedIssues.json";
import newIssue from "./locales/de/newIssue.json";
import notices from "./locales/de/notices.json";

const catalog: Catalog = {
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
export default catalog;
