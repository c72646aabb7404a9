import { existsSync } from "node:fs";
import { readFileSync } from "node:fs";
import path from "node:path";
import { explainOAuthProblem } from "../../../src/admin/link-explanations";
import { renderManifest } from "../../../src/admin/manifest";
import { validateManifest } from "../../../src/admin/manifest-validation";
import { explainNetworkFailure } from "../../../src/admin/network-failure";
import { OAuthProblem } from "../../../src/oauth/oauth-problem";
import { officeSchemasDir } from "../../support/xml-schema";

const context = {
  jiraUrl: "https://jira.example.com",
  consumerKey: "jira-for-outlook-1",
  privateKeyFile: "keys/jira-private.pem",
};

/** What undici throws: "fetch failed" with the reason's code in `cause`. */
function fetchFailed(code: string, message = code): Error {
  return new TypeError("fetch failed", { cause: Object.assign(new Error(message), { code }) });
}

describe("explainNetworkFailure", () => {
  const url = "https://jira.example.com/rest/api/2/serverInfo";

  it.each([
    ["ENOTFOUND", "the host name jira.example.com does not resolve", "check the spelling"],
    ["ECONNREFUSED", "nothing accepts connections on jira.example.com port 443", "http/https"],
    [
      "DEPTH_ZERO_SELF_SIGNED_CERT",
      "Jira's certificate is not trusted here",
      "NODE_EXTRA_CA_CERTS",
    ],
    [
      "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
      "Jira's certificate is not trusted here",
      "intermediate certificates",
    ],
    ["CERT_HAS_EXPIRED", "outside its validity period", "renew"],
    [
      "ERR_TLS_CERT_ALTNAME_INVALID",
      "not issued for jira.example.com",
      "host name the certificate names",
    ],
    ["ERR_SSL_WRONG_VERSION_NUMBER", "does not speak TLS", "use http://"],
    ["UND_ERR_CONNECT_TIMEOUT", "no answer from jira.example.com port 443 in time", "firewall"],
  ])("explains %s", (code, problem, fix) => {
    const explained = explainNetworkFailure(fetchFailed(code), url, "Jira");
    expect(explained.problem).toContain(problem);
    expect(explained.fix).toContain(fix);
  });

  it("explains a time limit that ran out", () => {
    const timeout = new DOMException("The operation was aborted due to timeout", "TimeoutError");
    expect(explainNetworkFailure(timeout, url, "Jira").problem).toContain("in time (TimeoutError)");
  });
});

describe("explainOAuthProblem", () => {
  it("tells a key mismatch from a base URL mismatch by the URL Jira verified over", () => {
    const mismatch = new OAuthProblem("signature_invalid", {
      status: 401,
      parameters: {
        oauth_signature_base_string:
          "POST&https%3A%2F%2Fjira.example.com%2Fplugins%2Fservlet%2Foauth%2Frequest-token&oauth_callback%3Doob",
      },
    });
    const otherBase = new OAuthProblem("signature_invalid", {
      status: 401,
      parameters: {
        oauth_signature_base_string:
          "POST&http%3A%2F%2Fjira.internal%3A8080%2Fplugins%2Fservlet%2Foauth%2Frequest-token&oauth_callback%3Doob",
      },
    });

    expect(explainOAuthProblem(mismatch, context).problem).toBe(
      "the public key in Jira doesn't match this private key (signature_invalid)"
    );
    expect(explainOAuthProblem(otherBase, context)).toEqual({
      problem:
        "Jira verified the signature over http://jira.internal:8080/plugins/servlet/oauth/request-token, not over https://jira.example.com (signature_invalid)",
      fix: expect.stringContaining("give --jira exactly Jira's Base URL"),
    });
  });

  it.each([
    ["consumer_key_unknown", 'no incoming application link with consumer key "jira-for-outlook-1"'],
    ["signature_method_rejected", "refused RSA-SHA1"],
    ["timestamp_refused", "even after correcting for Jira's clock"],
    ["parameter_absent", "OAuth parameters are missing"],
    ["token_rejected", "no longer accepts this access token"],
    ["permission_denied", "Deny was chosen"],
  ])("explains %s", (code, problem) => {
    expect(explainOAuthProblem(new OAuthProblem(code, { status: 401 }), context).problem).toContain(
      problem
    );
  });
});

describe("validateManifest", () => {
  const template = readFileSync(path.resolve(__dirname, "../../../manifest.xml"), "utf8");
  const haveSchemas = existsSync(path.join(officeSchemasDir, "OfficeAppManifestV1_1.xsd"));

  (haveSchemas ? it : it.skip)(
    "accepts a rendered manifest and reports xmllint's errors for a broken one",
    async () => {
      const xml = renderManifest(template, {
        addinUrl: "https://addin.example.com",
        jiraUrl: "https://jira.example.com",
      });

      await expect(validateManifest(xml, officeSchemasDir)).resolves.toMatchObject({
        status: "valid",
      });
      const broken = await validateManifest(
        xml.replace("<Version>", "<Versio>").replace("</Version>", "</Versio>"),
        officeSchemasDir
      );
      expect(broken).toMatchObject({
        status: "invalid",
        errors: expect.stringContaining("manifest.xml"),
      });
    }
  );

  it("says it skipped the check when the schemas are not there", async () => {
    await expect(validateManifest("<x/>", "/nonexistent")).resolves.toEqual({
      status: "skipped",
      reason: expect.stringContaining("OFFICE_SCHEMAS_DIR"),
    });
  });
});
