import { describe, expect, it } from "vitest";
import { escapeXml, stripXmlForbidden } from "./xml";

describe("XML text", () => {
  it("escapes the five markup characters exactly once", () => {
    expect(escapeXml(`Q&A: "Seoul" </script> 'x' &amp;`)).toBe(
      "Q&amp;A: &quot;Seoul&quot; &lt;/script&gt; &apos;x&apos; &amp;amp;",
    );
  });

  it("drops characters XML 1.0 forbids and keeps everything else, emoji and Korean included", () => {
    expect(stripXmlForbidden("a\u0000b\u0008c\u000Bd\uFFFEe\uD800f")).toBe("abcdef");
    expect(stripXmlForbidden("tab\tnew\nline\r 한국 🇰🇷")).toBe("tab\tnew\nline\r 한국 🇰🇷");
  });
});
