// Three projects: unit (pure logic, Office host faked where needed), integration (real HTTP on
// 127.0.0.1), e2e (the built preview driven in headless Chromium). `npm test` runs all three.

// Type checking is `npm run typecheck`'s job; jest only transpiles to CommonJS (tsconfig.jest.json).
const tsJest = ["ts-jest", { tsconfig: "<rootDir>/tsconfig.jest.json" }];

const common = {
  testEnvironment: "node",
  transform: { "^.+\\.tsx?$": tsJest },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  // webpack turns image imports into URLs; in Node tests any URL string does.
  moduleNameMapper: { "\\.png$": "<rootDir>/test/support/image-module.js" },
};

module.exports = {
  projects: [
    { ...common, displayName: "unit", testMatch: ["<rootDir>/test/unit/**/*.test.{ts,tsx}"] },
    {
      ...common,
      displayName: "integration",
      testMatch: ["<rootDir>/test/integration/**/*.test.ts"],
    },
    {
      ...common,
      displayName: "e2e",
      testMatch: ["<rootDir>/test/e2e/**/*.test.ts"],
      globalSetup: "<rootDir>/test/e2e/global-setup.ts",
      globalTeardown: "<rootDir>/test/e2e/global-teardown.ts",
    },
  ],
};
