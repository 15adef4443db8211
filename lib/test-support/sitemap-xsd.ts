import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { validateXML, type XMLFileInfo } from "xmllint-wasm";

/**
 * Checks sitemap documents with libxml2 (xmllint-wasm) against the official schemas vendored in
 * test-fixtures/schemas (see its README): an index against siteindex.xsd, a urlset against
 * sitemap-all.xsd, which imports sitemap.xsd and Google's news and image schemas (passed as
 * `preload`, since xmllint-wasm reads no files itself). Used by the unit and end-to-end tests.
 */
const SCHEMA_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "test-fixtures",
  "schemas",
);

const schemaFile = (fileName: string): XMLFileInfo => ({
  fileName,
  contents: fs.readFileSync(path.join(SCHEMA_DIR, fileName), "utf8"),
});

export type SitemapKind = "index" | "urlset";

/** Validates `xml`; resolves with the schema errors (none: valid). Rejects only if xmllint fails. */
export async function sitemapSchemaErrors(xml: string, kind: SitemapKind): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: "sitemap.xml", contents: xml }],
    schema: [schemaFile(kind === "index" ? "siteindex.xsd" : "sitemap-all.xsd")],
    preload:
      kind === "index"
        ? []
        : ["sitemap.xsd", "sitemap-news.xsd", "sitemap-image.xsd"].map(schemaFile),
    maxMemoryPages: 4096,
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}

/**
 * Evaluates an XPath 1.0 expression that yields a string (e.g. "string(//*[local-name()='x'])")
 * on `xml` with libxml2, so tests see text as an XML parser reads it (entities resolved).
 */
export async function xpathString(xml: string, expression: string): Promise<string> {
  const result = await validateXML({
    xml: [{ fileName: "doc.xml", contents: xml }],
    normalization: "format",
    modifyArguments: () => ["--xpath", expression, "doc.xml"],
    maxMemoryPages: 4096,
  });
  if (!result.valid) throw new Error(`not well-formed XML: ${result.rawOutput}`);
  // xmllint ends its output with one newline of its own.
  return (result.normalized ?? "").replace(/\n$/, "");
}

/** The text of every element with this local name, in document order, as an XML parser reads it. */
export async function elementTexts(xml: string, localName: string): Promise<string[]> {
  const match = `//*[local-name()='${localName}']`;
  const count = Number(await xpathString(xml, `count(${match})`));
  const texts: string[] = [];
  for (let i = 1; i <= count; i += 1)
    texts.push(await xpathString(xml, `string((${match})[${i}])`));
  return texts;
}
