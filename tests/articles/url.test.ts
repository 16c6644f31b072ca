import { describe, expect, it } from "vitest";
import { checkSourceUrl } from "../../src/articles/url.js";

describe("a source link", () => {
  it("is accepted as an absolute http(s) URL with a host, normalised, around white space or <angle brackets>", () => {
    expect(checkSourceUrl("  https://News.Example.com/a b  ")).toEqual({ ok: true, url: "https://news.example.com/a%20b" });
    expect(checkSourceUrl("<http://example.com>")).toEqual({ ok: true, url: "http://example.com/" });
    expect(checkSourceUrl("  <https://example.com/a>  ")).toEqual({ ok: true, url: "https://example.com/a" });
    // Only brackets around the whole link are taken off.
    expect(checkSourceUrl("https://example.com/<a>")).toEqual({ ok: true, url: "https://example.com/%3Ca%3E" });
    expect(checkSourceUrl("<https://example.com/a>x")).toMatchObject({ ok: false });
  });

  it("is refused with the reason: not a URL, another scheme, no host, or credentials", () => {
    expect(checkSourceUrl("news.example.com/a")).toEqual({ ok: false, reason: 'source URL "news.example.com/a" is not a valid absolute URL' });
    expect(checkSourceUrl("javascript:alert(1)")).toEqual({ ok: false, reason: "source URL uses javascript: (only http and https are allowed)" });
    expect(checkSourceUrl("ftp://files.example.com/x")).toEqual({ ok: false, reason: "source URL uses ftp: (only http and https are allowed)" });
    expect(checkSourceUrl("https://user@example.com/")).toEqual({ ok: false, reason: "source URL contains credentials" });
    expect(checkSourceUrl("https://:pw@example.com/")).toEqual({ ok: false, reason: "source URL contains credentials" });
  });

  it("quotes a long bad URL cut to 80 characters", () => {
    const long = `x${"y".repeat(100)}`;
    const result = checkSourceUrl(long);
    expect(result).toEqual({ ok: false, reason: `source URL "${long.slice(0, 79)}…" is not a valid absolute URL` });
    const exactly80 = "z".repeat(80);
    expect(checkSourceUrl(exactly80)).toEqual({ ok: false, reason: `source URL "${exactly80}" is not a valid absolute URL` });
  });
});
