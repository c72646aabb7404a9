/**
 * Messages whose placeholder is a React element (a link to an issue): the translated text around
 * it, so each language puts the link where its grammar wants it ("Created SUP-12", "SUP-12 erstellt").
 */
import type { MessageKey, MessageParams } from "../../i18n/catalog-types";
import { t } from "../../i18n/translate";

/**
 * The message `key` cut at its `{placeholder}`: the text before it and after it (other
 * placeholders filled from `params`). A message without that placeholder is all "before".
 */
export function textAround(
  key: MessageKey,
  placeholder: string,
  params?: MessageParams
): [before: string, after: string] {
  // t leaves a placeholder it has no value for as it is: that is where the element goes.
  const text = t(key, params);
  const mark = `{${placeholder}}`;
  const at = text.indexOf(mark);
  return at < 0 ? [text, ""] : [text.slice(0, at), text.slice(at + mark.length)];
}
