/**
 * The German strings, loaded as their own chunk only when Office's display language asks for them.
 * A string missing here falls back to English (catalog-en.ts); test/unit/i18n checks that none is.
 */
import type { Catalog } from "./catalog-types";
import addToIssue from "./locales/de/addToIssue.json";
import app from "./locales/de/app.json";
import callback from "./locales/de/callback.json";
import common from "./locales/de/common.json";
import errors from "./locales/de/errors.json";
import fields from "./locales/de/fields.json";
import finder from "./locales/de/finder.json";
import linkedIssues from "./locales/de/linkedIssues.json";
import newIssue from "./locales/de/newIssue.json";

const catalog: Catalog = {
  addToIssue,
  app,
  callback,
  common,
  errors,
  fields,
  finder,
  linkedIssues,
  newIssue,
};
export default catalog;
