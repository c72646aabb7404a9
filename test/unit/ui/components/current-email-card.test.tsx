/**
 * The card naming the current email shows the subject and the sender as a reader sees them:
 * without zero-width and bidi control characters, each isolated so a right-to-left name or
 * subject can't reorder what is around it.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { CurrentEmailCard } from "../../../../src/ui/components/CurrentEmailCard";
import { sampleMessage } from "../ui-fakes";

const HIDDEN = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\u061C\uFEFF]/u;

describe("CurrentEmailCard", () => {
  it("drops zero-width and bidi control characters from the subject and the sender", () => {
    const html = renderToStaticMarkup(
      <CurrentEmailCard
        message={sampleMessage({
          subject: "\u200BInvoice\u202Efdp.exe\u202C \u2066due\u2069\uFEFF",
          from: { name: "Bob\u202E\u200Dnimda", address: "bob@\u200Bcontoso.example" },
        })}
      />
    );
    expect(html).toContain("<bdi>Invoicefdp.exe due</bdi>");
    expect(html).toContain("<bdi>Bobnimda</bdi> &lt;<bdi>bob@contoso.example</bdi>&gt;");
    expect(html).not.toMatch(HIDDEN);
  });

  it("isolates a right-to-left name from its address and the date", () => {
    const html = renderToStaticMarkup(
      <CurrentEmailCard
        message={sampleMessage({ from: { name: "דנה כהן", address: "dana@contoso.example" } })}
      />
    );
    expect(html).toMatch(
      /data-testid="current-sender"[^>]*><bdi>דנה כהן<\/bdi> &lt;<bdi>dana@contoso\.example<\/bdi>&gt; · Nov 30, 2026/
    );
    expect(html).toMatch(/dir="auto" data-testid="current-subject"[^>]*><bdi>/);
  });

  it("shows the address alone when the name is missing, empty once cleaned, or the address", () => {
    for (const name of ["", "\u200B\u202E", "Dana@Contoso.example"]) {
      const html = renderToStaticMarkup(
        <CurrentEmailCard
          message={sampleMessage({ from: { name, address: "dana@contoso.example" } })}
        />
      );
      expect(html).toContain("><bdi>dana@contoso.example</bdi> · ");
    }
  });

  it("names a subject or a sender that is nothing but invisible characters as missing", () => {
    const html = renderToStaticMarkup(
      <CurrentEmailCard
        message={sampleMessage({ subject: "\u200B\u202E ", from: { name: "\u200B", address: "" } })}
      />
    );
    expect(html).toContain("<bdi>(no subject)</bdi>");
    expect(html).toContain("Unknown sender");
  });
});
