/**
 * Which characters a font file can draw, read from its `cmap` table (OpenType spec, "cmap —
 * Character to Glyph Index Mapping Table"): the Unicode subtable of format 12 (full repertoire)
 * when the font has one, else the one of format 4 (the Basic Multilingual Plane). Enough for
 * TrueType and CFF (.ttf, .otf) files, which is what the share cards load; a collection (.ttc) or
 * a compressed file (.woff) is refused.
 */

/** The code points that `font` (a TrueType or OpenType file) maps to a glyph other than .notdef. */
export function fontCodePoints(font: Uint8Array): Set<number> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const version = view.getUint32(0);
  if (version !== 0x00010000 && version !== 0x4f54544f /* "OTTO" */)
    throw new Error("not a TrueType or OpenType font file");
  const cmap = tableOffset(view, "cmap");
  const subtables = view.getUint16(cmap + 2);
  let format4: number | null = null;
  for (let i = 0; i < subtables; i++) {
    const record = cmap + 4 + i * 8;
    const platform = view.getUint16(record);
    const encoding = view.getUint16(record + 2);
    const offset = cmap + view.getUint32(record + 4);
    const format = view.getUint16(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (format === 12) return readFormat12(view, offset);
    if (format === 4 && format4 === null) format4 = offset;
  }
  if (format4 === null) throw new Error("the font has no Unicode cmap subtable");
  return readFormat4(view, format4);
}

function tableOffset(view: DataView, tag: string): number {
  const tables = view.getUint16(4);
  for (let i = 0; i < tables; i++) {
    const record = 12 + i * 16;
    const name = String.fromCharCode(...[0, 1, 2, 3].map((byte) => view.getUint8(record + byte)));
    if (name === tag) return view.getUint32(record + 8);
  }
  throw new Error(`the font has no ${tag} table`);
}

/** Format 12: groups of consecutive code points mapped to consecutive glyphs. */
function readFormat12(view: DataView, offset: number): Set<number> {
  const points = new Set<number>();
  const groups = view.getUint32(offset + 12);
  for (let i = 0; i < groups; i++) {
    const group = offset + 16 + i * 12;
    const start = view.getUint32(group);
    const end = view.getUint32(group + 4);
    const firstGlyph = view.getUint32(group + 8);
    for (let c = start; c <= end; c++) if (firstGlyph + (c - start) !== 0) points.add(c);
  }
  return points;
}

/** Format 4: segments of the BMP, each mapped by a delta or through the glyph index array. */
function readFormat4(view: DataView, offset: number): Set<number> {
  const points = new Set<number>();
  const segments = view.getUint16(offset + 6) / 2;
  const ends = offset + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const end = view.getUint16(ends + s * 2);
    const start = view.getUint16(starts + s * 2);
    const delta = view.getInt16(deltas + s * 2);
    const rangeOffsetAt = rangeOffsets + s * 2;
    const rangeOffset = view.getUint16(rangeOffsetAt);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const index = view.getUint16(rangeOffsetAt + rangeOffset + (c - start) * 2);
        glyph = index === 0 ? 0 : (index + delta) & 0xffff;
      }
      if (glyph !== 0) points.add(c);
    }
  }
  return points;
}
