/**
 * Files added to an existing issue must not take the name of one it already has: Jira keeps both,
 * and the comment's `!image001.png!` would then show whichever Jira finds first (Outlook names
 * every pasted picture image001.png, so a second email's picture collides with the first one's).
 * A colliding upload is renamed the way the email's own duplicates are ("image001 (2).png",
 * src/mail/file-names.ts), and the comment's references to it are rewritten to match before it is
 * sent. Plain data, no React.
 */
import { uniqueFileNames } from "../../mail/file-names";

/**
 * The new name of each of `planned` that collides (case-insensitively, as Jira's `!name!` lookup
 * does) with one of `existing` (the attachments) or with another planned name; a name that
 * collides with nothing keeps its name and isn't in the map. New names collide with no existing
 * nor planned name.
 */
export function renamesAgainst(
  existing: readonly string[],
  planned: readonly string[]
): Map<string, string> {
  const unique = uniqueFileNames([...existing, ...planned]).slice(existing.length);
  const renames = new Map<string, string>();
  planned.forEach((name, index) => {
    const renamed = unique[index] as string;
    if (renamed !== name) renames.set(name, renamed);
  });
  return renames;
}

/**
 * `markup` with its references to renamed files rewritten: embedded images `!old!` and
 * `!old|thumbnail!`, attachment links `[^old]` and `[title|^old]`. One pass, so a new name is never
 * rewritten again; names are matched exactly, as the conversion wrote them.
 */
export function withRenamedReferences(
  markup: string,
  renames: ReadonlyMap<string, string>
): string {
  if (renames.size === 0) return markup;
  // Longest first: "a.png" must not match inside "!a.png.png!" before "a.png.png" does.
  const names = [...renames.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const alternatives = names.join("|");
  const reference = new RegExp(`(!)(${alternatives})(?=[!|])|(\\^)(${alternatives})(?=\\])`, "g");
  return markup.replace(
    reference,
    (whole, bang?: string, image?: string, caret?: string, attachment?: string) => {
      const name = image ?? attachment;
      const renamed = name === undefined ? undefined : renames.get(name);
      if (renamed === undefined) return whole;
      return `${bang ?? caret ?? ""}${renamed}`;
    }
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
