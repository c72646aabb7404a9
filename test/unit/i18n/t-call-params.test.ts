/**
 * Every t("area.key", { … }) in src/ gives the message exactly the placeholders it uses: a missing
 * one would show "{name}" to the user, an extra one is a typo or a leftover. The types can't say
 * it (the messages come from JSON files, whose strings TypeScript does not keep as literals), so
 * this reads the calls with the TypeScript compiler. `count` may always be given: it picks the
 * plural form. Calls whose key is not a string literal, or whose params are not an object literal
 * (or spread one), are counted and left to the catalog tests.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { englishCatalog } from "../../../src/i18n/catalog-en";
import { entriesOf, placeholdersOf } from "./catalog-entries";

const SRC = path.resolve(__dirname, "../../../src");
const english = entriesOf(englishCatalog);

interface TCall {
  where: string;
  key: string;
  /** Property names of the params object; undefined when they can't be read statically. */
  params: string[] | undefined;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file) && !file.endsWith(".d.ts"))
    .map((file) => path.join(dir, file));
}

/** The t(…) calls of a file with a string-literal key, and how many have another key. */
function tCallsOf(file: string): { calls: TCall[]; dynamic: number } {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, "utf8"),
    ts.ScriptTarget.Latest,
    true
  );
  const calls: TCall[] = [];
  let dynamic = 0;
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === "t" &&
      node.arguments.length > 0
    ) {
      const [key, params] = node.arguments;
      if (key && ts.isStringLiteralLike(key)) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        calls.push({
          where: `${path.relative(SRC, file)}:${line + 1}`,
          key: key.text,
          params: params === undefined ? [] : propertyNames(params),
        });
      } else {
        dynamic++;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { calls, dynamic };
}

function propertyNames(node: ts.Expression): string[] | undefined {
  if (!ts.isObjectLiteralExpression(node)) return undefined;
  const names: string[] = [];
  for (const property of node.properties) {
    if (ts.isSpreadAssignment(property)) return undefined;
    const name = property.name;
    if (!name || !(ts.isIdentifier(name) || ts.isStringLiteralLike(name))) return undefined;
    names.push(name.text);
  }
  return names.sort();
}

const found = sourceFiles(SRC).map(tCallsOf);
const calls = found.flatMap((file) => file.calls);

describe("t() calls in src/", () => {
  it("are read (the scan itself works)", () => {
    expect(calls.length).toBeGreaterThan(200);
    expect(calls.some((call) => call.key === "app.connecting")).toBe(true);
  });

  it("name messages that exist", () => {
    const unknown = calls.filter((call) => !english.has(call.key));
    expect(unknown.map((call) => `${call.where} ${call.key}`)).toEqual([]);
  });

  it("give each message exactly the placeholders it uses (count always allowed)", () => {
    const wrong: string[] = [];
    for (const call of calls) {
      const message = english.get(call.key);
      if (message === undefined || call.params === undefined) continue;
      const wanted = placeholdersOf(message);
      const missing = wanted.filter((name) => !call.params?.includes(name));
      const extra = call.params.filter((name) => name !== "count" && !wanted.includes(name));
      if (missing.length > 0 || extra.length > 0) {
        wrong.push(
          `${call.where} ${call.key}: missing [${missing.join(", ")}], extra [${extra.join(", ")}]`
        );
      }
    }
    expect(wrong).toEqual([]);
  });
});
