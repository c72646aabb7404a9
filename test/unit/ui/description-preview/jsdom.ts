/**
 * jsdom for the description preview's tests: DOMPurify needs a real DOM, and Jest runs these
 * tests in Node.
 *
 * jsdom 29 depends on an ES-module-only package (@exodus/bytes). Jest 30's own module loader can
 * require an ES module only on Node 24.9 and later (jestjs.io/docs/ecmascript-modules), while
 * Node's loader does so from Node 20.19 on. So jsdom is loaded with Node's loader, outside Jest's
 * module registry (it is a test tool here, not code under test, and needs no mocking).
 */
import Module from "node:module";
import type * as JsdomModule from "jsdom";

interface NodeModuleLoader {
  _load(request: string, parent: unknown, isMain: boolean): unknown;
}

const jsdom = (Module as unknown as NodeModuleLoader)._load(
  require.resolve("jsdom"),
  null,
  false
) as typeof JsdomModule;

/** jsdom's JSDOM class. */
export const { JSDOM } = jsdom;
