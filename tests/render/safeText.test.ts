import { describe, expect, it } from "vitest";
import { maskedLinkUrl, outletOf, safeText, safeUrl } from "../../src/render/safeText.js";

const ZWSP = "\u200B";

describe("article text shown in Discord reads as plain text", () => {
  it("defuses @everyone and @here in any case with a zero-width space", () => {
    expect(safeText("hi @everyone and @HERE")).toBe(`hi @${ZWSP}everyone and @${ZWSP}HERE`);
  });

  it("defuses user, nickname, role and channel mentions", () => {
    expect(safeText("<@123> <@!456> <@&789> <#1011>")).toBe(`<${ZWSP}@123> <${ZWSP}@!456> <${ZWSP}@&789> <${ZWSP}#1011>`);
    expect(safeText("<@x> <@> a<b")).toBe("<@x> <@> a<b"); // not mentions: left alone
  });

  it("breaks code fences and turns masked links into text with the address shown", () => {
    expect(safeText("```js")).toBe(`\`${ZWSP}\`${ZWSP}\`js`);
    expect(safeText("`code` stays")).toBe("`code` stays");
    expect(safeText("[click here](https://evil.example/x)")).toBe("click here (https://evil.example/x)");
    expect(safeText("[](javascript:alert(1))")).toBe(" (javascript:alert(1))");
    expect(safeText("a](b")).toBe(`a]${ZWSP}(b`);
  });

  it("removes invisible, direction and control characters, and keeps line breaks and tabs", () => {
    expect(safeText("a\u200Bb\u202Ec\u2066d\uFEFFe\u00ADf")).toBe("abcdef");
    expect(safeText("a\u0000b\u0007c\u000Bd\u000Ce\u001Ff\u007Fg")).toBe("abcdefg");
    expect(safeText("line one\nline two\ttab\r")).toBe("line one\nline two\ttab\r");
    expect(safeText("Zürich 東京 🚀 ½")).toBe("Zürich 東京 🚀 ½");
  });
});

describe("links", () => {
  it("shows only http and https links with a host and without credentials", () => {
    expect(safeUrl("https://news.example.com/a b")).toBe("https://news.example.com/a%20b");
    expect(safeUrl("http://news.example.com")).toBe("http://news.example.com/");
    for (const refused of ["javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "ftp://files.example.com/x", "https://user@example.com/", "https://:secret@example.com/", "not a url", ""]) {
      expect(safeUrl(refused), refused).toBeNull();
    }
  });

  it("percent-encodes parentheses and spaces inside a masked link", () => {
    expect(maskedLinkUrl("https://en.wikipedia.org/wiki/Foo_(bar) x")).toBe("https://en.wikipedia.org/wiki/Foo_%28bar%29%20x");
    expect(maskedLinkUrl("https://e.com/(a)(b)")).toBe("https://e.com/%28a%29%28b%29");
  });

  it("names the outlet by its host without www.", () => {
    expect(outletOf("https://www.reuters.com/tech/x")).toBe("reuters.com");
    expect(outletOf("https://news.www.example.com/")).toBe("news.www.example.com");
    expect(outletOf("not a url")).toBe("");
  });
});
