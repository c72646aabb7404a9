/**
 * The callback page (src/callback/index.ts) in Node, with the few browser and Office globals it
 * touches faked: it sends the dialog on to the configured Jira only (never to an address from the
 * query), tells the pane when it can't, and hands Jira's redirect back to the pane.
 */
const ADDIN = "https://addin.example.com";
const JIRA = "https://jira.example.com/jira";

interface Page {
  status: { textContent: string };
  /** `<html lang>` and `<title>` of the page. */
  lang: string;
  title: string;
  replacedWith: string[];
  sentToPane: Array<{ message: string; targetOrigin?: string }>;
  fetched: string[];
}

const realFetch = globalThis.fetch;
const globals = globalThis as Record<string, unknown>;

afterEach(() => {
  delete globals.window;
  delete globals.document;
  delete globals.Office;
  globalThis.fetch = realFetch;
});

/**
 * Loads the page at `callback.html<search>`; the host serves `config` as addin-config.json and
 * says Office's display language is `displayLanguage`.
 */
async function loadPage(
  search: string,
  config: () => Response,
  displayLanguage = "en-US"
): Promise<Page> {
  const page: Page = {
    status: { textContent: "Finishing sign-in to Jira…" },
    lang: "en",
    title: "Jira for Outlook: finishing sign-in",
    replacedWith: [],
    sentToPane: [],
    fetched: [],
  };
  globals.document = {
    getElementById: (id: string) => (id === "status" ? page.status : null),
    documentElement: {
      set lang(value: string) {
        page.lang = value;
      },
    },
    set title(value: string) {
      page.title = value;
    },
  };
  globals.window = {
    location: {
      href: `${ADDIN}/callback.html${search}`,
      search,
      origin: ADDIN,
      replace: (url: string) => page.replacedWith.push(url),
    },
  };
  globals.Office = {
    onReady: async () => ({ host: "Outlook" }),
    context: {
      displayLanguage,
      requirements: { isSetSupported: () => true },
      ui: {
        messageParent: (message: string, options?: { targetOrigin?: string }) =>
          page.sentToPane.push({ message, ...options }),
      },
    },
  };
  globalThis.fetch = async (input) => {
    page.fetched.push(String(input));
    return config();
  };
  await jest.isolateModulesAsync(async () => {
    await import("../../../src/callback/index");
  });
  // The page's work is asynchronous (config fetch, Office.onReady): let it finish.
  for (let turn = 0; turn < 50 && page.replacedWith.length + page.sentToPane.length === 0; turn++) {
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  return page;
}

function configResponse(): Response {
  return Response.json({
    formatVersion: 1,
    jiraBaseUrl: JIRA,
    consumerKey: "jira-for-outlook",
    privateKeyPem: "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n",
  });
}

describe("the callback page, opened with ?authorize=<request token>", () => {
  it("reads addin-config.json beside itself and replaces itself with Jira's authorize page", async () => {
    const page = await loadPage("?authorize=rt%2B1%20x", configResponse);
    expect(page.fetched).toEqual([`${ADDIN}/addin-config.json`]);
    expect(page.replacedWith).toEqual([
      `${JIRA}/plugins/servlet/oauth/authorize?oauth_token=rt%2B1%20x`,
    ]);
    expect(page.status.textContent).toBe("Opening Jira's sign-in page…");
    expect(page.sentToPane).toEqual([]);
  });

  it("is no open redirect: addresses in the query are ignored", async () => {
    const page = await loadPage(
      `?authorize=rt&jira=${encodeURIComponent("https://evil.example.com")}&redirect=${encodeURIComponent("https://evil.example.com")}`,
      configResponse
    );
    expect(page.replacedWith).toEqual([`${JIRA}/plugins/servlet/oauth/authorize?oauth_token=rt`]);
  });

  it.each([
    ["a query, fragment and path in it", "x?oauth_token=evil#frag/../../@evil.example.com"],
    ["a scheme-relative address", "//evil.example.com/steal"],
    ["an absolute address", "https://evil.example.com/"],
    ["backslashes", "\\\\evil.example.com\\x"],
    ["percent-encoded slashes and dots", "%2F%2Fevil.example.com%2F..%2F"],
    ["non-ASCII and controls", "t\u00e9\u2028\r\n\u0000"],
    ["100,000 characters", "t".repeat(100_000)],
  ])("goes to the configured Jira only, whatever the token holds: %s", async (_case, token) => {
    const page = await loadPage(`?authorize=${encodeURIComponent(token)}`, configResponse);
    expect(page.replacedWith).toHaveLength(1);
    const target = new URL(page.replacedWith[0] ?? "");
    expect(target.origin).toBe(new URL(JIRA).origin);
    expect(target.pathname).toBe("/jira/plugins/servlet/oauth/authorize");
    expect(target.hash).toBe("");
    expect([...target.searchParams.keys()]).toEqual(["oauth_token"]);
    expect(target.searchParams.get("oauth_token")).toBe(token);
  });

  it("tells the pane (and the user) when the configuration can't be loaded", async () => {
    const page = await loadPage("?authorize=rt", () => new Response("no", { status: 404 }));
    expect(page.replacedWith).toEqual([]);
    expect(page.sentToPane).toHaveLength(1);
    const sent = page.sentToPane[0];
    expect(sent?.targetOrigin).toBe(ADDIN);
    expect(JSON.parse(sent?.message ?? "")).toEqual({
      kind: "jira-authorization-start-failed",
      message: expect.stringMatching(
        /^Could not open Jira's sign-in page: .*addin-config\.json.*404/
      ),
    });
    expect(page.status.textContent).toMatch(
      /Could not open Jira's sign-in page.*Close this window/
    );
  });

  it.each<[string, () => Response]>([
    ["the configuration is missing", () => new Response("no", { status: 404 })],
    ["the configuration names no usable Jira", () => Response.json({ formatVersion: 1 })],
  ])("never shows or sends the request token when %s", async (_case, config) => {
    const token = "RequestTokenValue0123456789abcdef";
    const page = await loadPage(`?authorize=${token}`, config);
    expect(page.replacedWith).toEqual([]);
    expect(page.sentToPane).toHaveLength(1);
    expect(page.status.textContent).not.toContain(token);
    expect(JSON.stringify(page.sentToPane)).not.toContain(token);
  });

  it("tells the pane when it was opened without a request token", async () => {
    const page = await loadPage("?authorize=", configResponse);
    expect(page.replacedWith).toEqual([]);
    expect(JSON.parse(page.sentToPane[0]?.message ?? "")).toMatchObject({
      kind: "jira-authorization-start-failed",
      message: expect.stringMatching(/without a request token/),
    });
  });
});

describe("the callback page, after Jira's redirect", () => {
  it("hands oauth_token and oauth_verifier to the pane, to the add-in's origin only", async () => {
    const page = await loadPage("?oauth_token=rt&oauth_verifier=v123", configResponse);
    expect(page.fetched).toEqual([]);
    expect(page.sentToPane).toEqual([
      {
        message: JSON.stringify({
          kind: "jira-authorization-callback",
          oauthToken: "rt",
          oauthVerifier: "v123",
        }),
        targetOrigin: ADDIN,
      },
    ]);
    expect(page.status.textContent).toMatch(/Jira approved access/);
  });

  it("never shows the token or the verifier in its own text, after Allow or Deny", async () => {
    const token = "RequestTokenValue0123456789abcdef";
    for (const verifier of ["VerifierValue42", "denied"]) {
      const page = await loadPage(
        `?oauth_token=${token}&oauth_verifier=${verifier}`,
        configResponse
      );
      expect(page.status.textContent).not.toContain(token);
      expect(page.status.textContent).not.toContain("VerifierValue42");
    }
  });
});

describe("the callback page in Office's display language", () => {
  it("speaks German when Office does: text, lang and title, and the failure it sends the pane", async () => {
    const page = await loadPage(
      "?authorize=rt",
      () => new Response("no", { status: 404 }),
      "de-DE"
    );
    expect(page.lang).toBe("de");
    expect(page.title).toBe("Jira for Outlook: Anmeldung wird abgeschlossen");
    expect(page.status.textContent).toMatch(
      /^Die Anmeldeseite von Jira konnte nicht geöffnet werden: .*Schließen Sie dieses Fenster/
    );
    expect(JSON.parse(page.sentToPane[0]?.message ?? "")).toMatchObject({
      message: expect.stringMatching(/^Die Anmeldeseite von Jira konnte nicht geöffnet werden/),
    });
  });

  it("speaks French after Jira's redirect, and English for a language it doesn't know", async () => {
    const french = await loadPage("?oauth_token=rt&oauth_verifier=v1", configResponse, "fr-CA");
    expect(french.lang).toBe("fr");
    expect(french.status.textContent).toBe(
      "Jira a autorisé l'accès. Retour à Outlook pour terminer la connexion…"
    );
    const japanese = await loadPage("?oauth_token=rt&oauth_verifier=v1", configResponse, "ja-JP");
    expect(japanese.lang).toBe("en");
    expect(japanese.status.textContent).toMatch(/^Jira approved access/);
  });
});
