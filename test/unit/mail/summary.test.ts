import {
  cutToLength,
  MAX_SUMMARY_LENGTH,
  stripSubjectPrefixes,
  summaryFromSubject,
} from "../../../src/mail/summary";

describe("stripSubjectPrefixes", () => {
  it.each([
    // English and the usual mix
    ["RE: hello", "hello"],
    ["Re: hello", "hello"],
    ["re:hello", "hello"],
    ["FW: hello", "hello"],
    ["Fwd: hello", "hello"],
    ["FWD: hello", "hello"],
    ["RE: FW: Re[2]: AW: [EXT] hello", "[EXT] hello"],
    ["Re: Re: Re: hello", "hello"],
    ["RE:RE:FW:hello", "hello"],
    ["  Re :  hello  ", "hello"],
    // Counted forms
    ["Re[2]: hello", "hello"],
    ["RE(3): hello", "hello"],
    ["Fw[12]: hello", "hello"],
    // German, Dutch, Scandinavian, Finnish
    ["AW: WG: Antwort: Rechnung", "Rechnung"],
    ["Antw: Doorst: factuur", "factuur"],
    ["SV: VB: faktura", "faktura"],
    ["VS: VL: lasku", "lasku"],
    // French (with French spacing), Spanish, Portuguese, Italian
    ["TR : Réf : facture", "facture"],
    ["Rép: Ref: facture", "facture"],
    ["RV: factura", "factura"],
    ["ENC: RES: fatura", "fatura"],
    ["R: I: RIF: fattura", "fattura"],
    // Polish, Turkish, Greek, Hebrew
    ["Odp: PD: faktura", "faktura"],
    ["YNT: İLT: fatura", "fatura"],
    ["ΑΠ: ΣΧΕΤ: τιμολόγιο", "τιμολόγιο"],
    ["השב: הועבר: חשבונית", "חשבונית"],
    // Chinese, Japanese, Korean, full-width colon
    ["回复：转发：发票", "发票"],
    ["回覆: 发票", "发票"],
    ["返信: 転送: 請求書", "請求書"],
    ["답장: 전달: 송장", "송장"],
    // Bracketed and parenthesized forwards
    ["[Fwd: hello]", "hello"],
    ["[FW: Re: hello]", "hello"],
    ["(Fwd) hello", "hello"],
    ["hello (fwd)", "hello"],
    // Tags are part of the subject; prefixes after them still go
    ["[SUP-2] VPN drops", "[SUP-2] VPN drops"],
    ["RE: [SUP-2] VPN drops", "[SUP-2] VPN drops"],
    ["[EXT] RE: VPN drops", "[EXT] VPN drops"],
    ["[EXT] hello", "[EXT] hello"],
    // Words that merely start the subject stay
    ["Re-open the ticket", "Re-open the ticket"],
    ["Trouble with VPN", "Trouble with VPN"],
    ["Is it working", "Is it working"],
    ["Fwding rules", "Fwding rules"],
    ["RE hello", "RE hello"],
    ["Iteration: 3", "Iteration: 3"],
    ["Release: 5.2.1", "Release: 5.2.1"],
    ["Report: Q2", "Report: Q2"],
    ["Antwerp office", "Antwerp office"],
    ["Enclosed: invoice", "Enclosed: invoice"],
    // Nothing left
    ["Re: ", ""],
    ["", ""],
  ])("%j → %j", (subject, expected) => {
    expect(stripSubjectPrefixes(subject)).toBe(expected);
  });
});

describe("summaryFromSubject", () => {
  it("strips prefixes and collapses line breaks and whitespace runs (Unicode too) to one space", () => {
    expect(summaryFromSubject("RE: VPN\r\n\tdrops\u00A0\u00A0every\u3000hour ")).toBe(
      "VPN drops every hour"
    );
  });

  it("removes zero-width and bidi control characters", () => {
    const hidden =
      "\u200BIn\u200Cvo\u200Dice\u200E \u200F\u202A4\u202B7\u202C1\u202D1\u202E\u2066!\u2067\u2068\u2069\uFEFF";
    expect(summaryFromSubject(hidden)).toBe("Invoice 4711!");
  });

  it("strips a prefix hidden behind a zero-width character", () => {
    expect(summaryFromSubject("\u200BRE: hello")).toBe("hello");
  });

  it("returns an empty string for an empty or blank subject (the form asks then)", () => {
    expect(summaryFromSubject("")).toBe("");
    expect(summaryFromSubject(" \u200B RE: ")).toBe("");
  });

  it(`cuts to ${MAX_SUMMARY_LENGTH} characters`, () => {
    expect(MAX_SUMMARY_LENGTH).toBe(255);
    expect(summaryFromSubject("x".repeat(300))).toBe("x".repeat(255));
  });

  it("never splits a surrogate pair at the cut", () => {
    const subject = `${"x".repeat(254)}😀tail`;
    const summary = summaryFromSubject(subject);
    expect(summary).toBe("x".repeat(254));
    expect(summary.length).toBeLessThanOrEqual(255);
    expect(summaryFromSubject(`${"x".repeat(253)}😀tail`)).toBe(`${"x".repeat(253)}😀`);
  });

  it("cutToLength keeps short text as it is", () => {
    expect(cutToLength("short", 10)).toBe("short");
  });
});
