/** RFC 3986 encoding and form decoding: the two helpers every signed URL goes through. */
import { decodeFormComponent, encodeRfc3986, parseFormEncoded } from "../../../src/oauth/rfc3986";
import { rfcEncode } from "./reference-oauth1";

describe("encodeRfc3986", () => {
  it.each([
    ["a b", "a%20b"],
    ["a+b=c&d", "a%2Bb%3Dc%26d"],
    ["!'()*", "%21%27%28%29%2A"],
    ["-._~AZaz09", "-._~AZaz09"],
    ['"SUP"', "%22SUP%22"],
    ["Über 日本", "%C3%9Cber%20%E6%97%A5%E6%9C%AC"],
    ["/?#[]@", "%2F%3F%23%5B%5D%40"],
  ])("encodes %j as %s", (input, expected) => {
    expect(encodeRfc3986(input)).toBe(expected);
    expect(encodeRfc3986(input)).toBe(rfcEncode(input));
  });

  it("round-trips through decodeFormComponent", () => {
    const value = 'project = "SUP" AND text ~ "a+b=c" 100% ☃';
    expect(decodeFormComponent(encodeRfc3986(value))).toBe(value);
  });
});

describe("parseFormEncoded", () => {
  it("cuts each pair at its first '=', reads '+' as space, keeps order, duplicates and empty values", () => {
    expect(parseFormEncoded("jql=project=ABC&q=a+b&c2&a3=1&&a3=%3D")).toEqual([
      ["jql", "project=ABC"],
      ["q", "a b"],
      ["c2", ""],
      ["a3", "1"],
      ["a3", "="],
    ]);
  });

  it("throws URIError on malformed percent-encoding", () => {
    expect(() => parseFormEncoded("a=%E0%A4%A")).toThrow(URIError);
  });
});
