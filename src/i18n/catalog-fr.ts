/**
 * The French strings, loaded as their own chunk only when Office's display language asks for them.
 * A string missing here falls back to English (catalog-en.ts); test/unit/i18n checks that none is.
 */
import type { Catalog } from "./catalog-types";
import addToIssue from "./locales/fr/addToIssue.json";
import app from "./locales/fr/app.json";
import callback from "./locales/fr/callback.json";
import common from "./locales/fr/common.json";
import description from "./locales/fr/description.json";
import errors from "./locales/fr/errors.json";
import fields from "./locales/fr/fields.json";
import finder from "./locales/fr/finder.json";
import linkedIssues from "./locales/fr/linkedIssues.json";
import newIssue from "./locales/fr/newIssue.json";
import notices from "./locales/fr/notices.json";

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
