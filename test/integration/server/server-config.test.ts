/**
 * readServerConfig: defaults, flags over environment, and errors that name the setting to fix.
 */
import path from "node:path";
import { MEGABYTE } from "../../../src/server/relay-settings";
import { ConfigError, SERVER_USAGE, readServerConfig } from "../../../src/server/server-config";

const defaults = { repoRoot: path.resolve("/repo") };

describe("readServerConfig", () => {
  it("uses the documented defaults", () => {
    expect(readServerConfig({}, [], defaults)).toEqual({
      port: 3000,
      host: "localhost",
      addinUrl: "https://localhost:3000",
      jiraUrl: undefined,
      jiraConsumerKey: undefined,
      jiraPrivateKeyFile: undefined,
      jiraCaFile: undefined,
      relayMaxBodyBytes: 100 * MEGABYTE,
      relayTimeoutMs: 120_000,
      tlsCertFile: undefined,
      tlsKeyFile: undefined,
      distDir: path.join(path.resolve("/repo"), "dist"),
      preview: false,
      simulatorPort: 2990,
      simulatorDir: path.join(path.resolve("/repo"), ".local", "simulator"),
      help: false,
    });
  });

  it("reads the built-in simulator's port and key folder", () => {
    expect(
      readServerConfig(
        { JIRA_SIMULATOR_PORT: "0", JIRA_SIMULATOR_DIR: "/tmp/sim-keys" },
        [],
        defaults
      )
    ).toMatchObject({ simulatorPort: 0, simulatorDir: path.resolve("/tmp/sim-keys") });
    expect(readServerConfig({}, ["--simulator-port", "4990"], defaults).simulatorPort).toBe(4990);
  });

  it("names --simulator-port when it is wrong", () => {
    expect(() => readServerConfig({}, ["--simulator-port", "http"], defaults)).toThrow(
      expect.objectContaining({
        code: "port_invalid",
        message: expect.stringContaining("--simulator-port"),
      })
    );
  });

  it("reads the environment", () => {
    const config = readServerConfig(
      {
        PORT: "8443",
        HOST: "0.0.0.0",
        ADDIN_URL: "https://outlook-addin.example.com/",
        JIRA_URL: "http://127.0.0.1:8080/jira/",
        JIRA_CA_FILE: "/etc/ssl/corp-ca.pem",
        TLS_CERT_FILE: "/etc/ssl/addin.crt",
        TLS_KEY_FILE: "/etc/ssl/addin.key",
        DIST_DIR: "/srv/addin",
      },
      [],
      defaults
    );

    expect(config).toMatchObject({
      port: 8443,
      host: "0.0.0.0",
      addinUrl: "https://outlook-addin.example.com",
      jiraUrl: "http://127.0.0.1:8080/jira",
      jiraCaFile: path.resolve("/etc/ssl/corp-ca.pem"),
      tlsCertFile: path.resolve("/etc/ssl/addin.crt"),
      tlsKeyFile: path.resolve("/etc/ssl/addin.key"),
      distDir: path.resolve("/srv/addin"),
    });
  });

  it("lets flags win over the environment", () => {
    const config = readServerConfig({ PORT: "8443", JIRA_URL: "https://old.example.com" }, [
      "--port",
      "0",
      "--preview",
      "--jira-url=https://jira.example.com/",
      "--dist",
      "/tmp/dist",
    ]);

    expect(config).toMatchObject({
      port: 0,
      preview: true,
      jiraUrl: "https://jira.example.com",
      distDir: path.resolve("/tmp/dist"),
      // Port 0: the URL is known only once the server listens.
      addinUrl: undefined,
    });
  });

  it("treats empty variables as unset", () => {
    expect(readServerConfig({ PORT: "", JIRA_URL: " " }, [], defaults)).toMatchObject({
      port: 3000,
      jiraUrl: undefined,
    });
  });

  it("reads --help", () => {
    expect(readServerConfig({}, ["-h"], defaults).help).toBe(true);
  });

  it.each(["abc", "70000", "-1", "3e3", "80.5"])("rejects PORT=%s", (port) => {
    expect(() => readServerConfig({ PORT: port }, [], defaults)).toThrow(
      expect.objectContaining({
        name: "ConfigError",
        code: "port_invalid",
        message: expect.stringContaining(`PORT "${port}"`),
      })
    );
  });

  it("names --port when the flag is wrong", () => {
    expect(() => readServerConfig({}, ["--port", "http"], defaults)).toThrow(
      expect.objectContaining({ code: "port_invalid", message: expect.stringContaining("--port") })
    );
  });

  it.each([
    ["a relative URL", "jira.example.com", "not an absolute URL"],
    ["a path", "/jira", "not an absolute URL"],
    ["another scheme", "ftp://jira.example.com", "http or https"],
    ["a query string", "https://jira.example.com/?os_authType=basic", "query string"],
    ["a fragment", "https://jira.example.com/#x", "query string or fragment"],
    ["credentials", "https://admin:secret@jira.example.com", "credentials"],
    ["credentials and a query", "https://admin:secret@jira.example.com/?x=1", "query string"],
  ])("rejects a JIRA_URL with %s", (_name, jiraUrl, reason) => {
    let error: unknown;
    try {
      readServerConfig({ JIRA_URL: jiraUrl }, [], defaults);
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({
      code: "jira_url_invalid",
      message: expect.stringContaining("JIRA_URL"),
    });
    expect((error as Error).message).toContain(reason);
    // Never echo a password back into logs.
    expect((error as Error).message).not.toContain("secret");
  });

  it("rejects an http ADDIN_URL", () => {
    expect(() => readServerConfig({ ADDIN_URL: "http://localhost:3000" }, [], defaults)).toThrow(
      expect.objectContaining({
        code: "addin_url_invalid",
        message: expect.stringContaining("ADDIN_URL"),
      })
    );
  });

  it("requires TLS_CERT_FILE and TLS_KEY_FILE together", () => {
    expect(() => readServerConfig({ TLS_CERT_FILE: "/etc/ssl/addin.crt" }, [], defaults)).toThrow(
      expect.objectContaining({
        code: "tls_files_incomplete",
        message: expect.stringContaining("TLS_KEY_FILE"),
      })
    );
  });

  it("rejects unknown flags and names --help", () => {
    expect(() => readServerConfig({}, ["--prot", "3000"], defaults)).toThrow(
      expect.objectContaining({
        code: "option_invalid",
        message: expect.stringMatching(/--prot.*--help/s),
      })
    );
  });

  describe("the consumer of Jira's application link", () => {
    const jira = { JIRA_URL: "https://jira.example.com/" };

    it("reads JIRA_CONSUMER_KEY and JIRA_PRIVATE_KEY_FILE, the file resolved absolute", () => {
      expect(
        readServerConfig(
          {
            ...jira,
            JIRA_CONSUMER_KEY: " jira-for-outlook ",
            JIRA_PRIVATE_KEY_FILE: "keys/jira.pem",
          },
          [],
          defaults
        )
      ).toMatchObject({
        jiraUrl: "https://jira.example.com",
        jiraConsumerKey: "jira-for-outlook",
        jiraPrivateKeyFile: path.resolve("keys/jira.pem"),
      });
    });

    it("lets --consumer-key and --private-key-file win over the environment", () => {
      expect(
        readServerConfig(
          { ...jira, JIRA_CONSUMER_KEY: "old", JIRA_PRIVATE_KEY_FILE: "/etc/old.pem" },
          ["--consumer-key", "new", "--private-key-file=/etc/new.pem"],
          defaults
        )
      ).toMatchObject({ jiraConsumerKey: "new", jiraPrivateKeyFile: path.resolve("/etc/new.pem") });
    });

    it("treats empty values as unset", () => {
      expect(
        readServerConfig(
          { JIRA_URL: "", JIRA_CONSUMER_KEY: "", JIRA_PRIVATE_KEY_FILE: " " },
          ["--preview"],
          defaults
        )
      ).toMatchObject({
        jiraUrl: undefined,
        jiraConsumerKey: undefined,
        jiraPrivateKeyFile: undefined,
      });
    });

    it.each([
      ["the key file missing", { JIRA_CONSUMER_KEY: "jira-for-outlook" }],
      ["the consumer key missing", { JIRA_PRIVATE_KEY_FILE: "/etc/jira.pem" }],
    ])("requires both, naming them, with %s", (_name, env) => {
      expect(() => readServerConfig({ ...jira, ...env }, [], defaults)).toThrow(
        expect.objectContaining({
          name: "ConfigError",
          code: "consumer_incomplete",
          message:
            "JIRA_CONSUMER_KEY and JIRA_PRIVATE_KEY_FILE (--consumer-key/--private-key-file) must be set together: " +
            "give both to serve the pane its configuration, or neither.",
        })
      );
    });

    it("documents both in --help", () => {
      expect(SERVER_USAGE).toMatch(/--consumer-key <key> +JIRA_CONSUMER_KEY /);
      expect(SERVER_USAGE).toMatch(/--private-key-file <file> +JIRA_PRIVATE_KEY_FILE /);
    });

    it("requires JIRA_URL: without it the preview uses the simulator's own consumer", () => {
      expect(() =>
        readServerConfig(
          { JIRA_CONSUMER_KEY: "jira-for-outlook", JIRA_PRIVATE_KEY_FILE: "/etc/jira.pem" },
          ["--preview"],
          defaults
        )
      ).toThrow(
        expect.objectContaining({
          code: "consumer_without_jira",
          message:
            "JIRA_CONSUMER_KEY/JIRA_PRIVATE_KEY_FILE describe the application link of the Jira at JIRA_URL; " +
            "set JIRA_URL too, or unset them to use the built-in simulator.",
        })
      );
    });
  });

  describe("the relay's limits", () => {
    it("reads RELAY_MAX_BODY_MB in megabytes and RELAY_TIMEOUT_SECONDS in seconds", () => {
      expect(
        readServerConfig({ RELAY_MAX_BODY_MB: "250", RELAY_TIMEOUT_SECONDS: " 300 " }, [], defaults)
      ).toMatchObject({ relayMaxBodyBytes: 250 * MEGABYTE, relayTimeoutMs: 300_000 });
    });

    it("lets --relay-max-body-mb and --relay-timeout win over the environment", () => {
      expect(
        readServerConfig(
          { RELAY_MAX_BODY_MB: "250", RELAY_TIMEOUT_SECONDS: "300" },
          ["--relay-max-body-mb", "20", "--relay-timeout=45"],
          defaults
        )
      ).toMatchObject({ relayMaxBodyBytes: 20 * MEGABYTE, relayTimeoutMs: 45_000 });
    });

    it("treats empty values as unset: the defaults apply", () => {
      expect(
        readServerConfig({ RELAY_MAX_BODY_MB: "", RELAY_TIMEOUT_SECONDS: " " }, [], defaults)
      ).toMatchObject({ relayMaxBodyBytes: 100 * MEGABYTE, relayTimeoutMs: 120_000 });
    });

    it.each(["0", "-5", "1.5", "100MB", "1e3", "10241", "104857600"])(
      "rejects RELAY_MAX_BODY_MB=%s, naming the variable and its flag",
      (value) => {
        expect(() => readServerConfig({ RELAY_MAX_BODY_MB: value }, [], defaults)).toThrow(
          expect.objectContaining({
            name: "ConfigError",
            code: "relay_max_body_invalid",
            message: expect.stringMatching(
              new RegExp(
                `^RELAY_MAX_BODY_MB \\(--relay-max-body-mb\\) "${value}" must be a whole number of megabytes from 1 to 10240`
              )
            ),
          })
        );
      }
    );

    it("names --relay-max-body-mb first when the flag is wrong, even over a valid variable", () => {
      expect(() =>
        readServerConfig({ RELAY_MAX_BODY_MB: "100" }, ["--relay-max-body-mb", "0.5"], defaults)
      ).toThrow(
        expect.objectContaining({
          code: "relay_max_body_invalid",
          message: expect.stringMatching(/^--relay-max-body-mb \(RELAY_MAX_BODY_MB\) "0\.5" /),
        })
      );
    });

    it.each(["0", "2m", "1.5", "120000", "3601", "-1"])(
      "rejects RELAY_TIMEOUT_SECONDS=%s, naming the variable and its flag",
      (value) => {
        expect(() => readServerConfig({ RELAY_TIMEOUT_SECONDS: value }, [], defaults)).toThrow(
          expect.objectContaining({
            name: "ConfigError",
            code: "relay_timeout_invalid",
            message: expect.stringMatching(
              new RegExp(
                `^RELAY_TIMEOUT_SECONDS \\(--relay-timeout\\) "${value}" must be a whole number of seconds from 1 to 3600`
              )
            ),
          })
        );
      }
    );

    it("names --relay-timeout first when the flag is wrong", () => {
      expect(() => readServerConfig({}, ["--relay-timeout", "two"], defaults)).toThrow(
        expect.objectContaining({
          code: "relay_timeout_invalid",
          message: expect.stringMatching(/^--relay-timeout \(RELAY_TIMEOUT_SECONDS\) "two" /),
        })
      );
    });

    it("documents both in --help", () => {
      expect(SERVER_USAGE).toMatch(/--relay-max-body-mb <n> +RELAY_MAX_BODY_MB .*\(default 100\)/s);
      expect(SERVER_USAGE).toMatch(/--relay-timeout <s> +RELAY_TIMEOUT_SECONDS .*\(default 120\)/s);
    });
  });

  it("rejects a HOST that is a URL", () => {
    expect(() => readServerConfig({ HOST: "https://localhost" }, [], defaults)).toThrow(
      expect.objectContaining({ code: "host_invalid", message: expect.stringContaining("HOST") })
    );
  });
});
