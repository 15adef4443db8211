/**
 * A short summary for listings: the text's first sentence, cut at a word boundary to at most
 * `maxLength` characters with an ellipsis. Sentence ends are ". ", "! " or "? " followed by a
 * capital, so "U.S. Congress" does not end a sentence. Returns "" for empty text.
 */
export function firstSentence(text: string, maxLength = 200): string {
  const clean = text.replace(/\s+/g, " ").trim();
  const match = /^(.+?[.!?]["'”’)]?)(?=\s+["'“‘(]?[A-Z0-9])/.exec(clean);
  const sentence = match?.[1] && match[1].length >= 40 ? match[1] : clean;
  if (sentence.length <= maxLength) return sentence;
  const cut = sentence.slice(0, maxLength - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > maxLength / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, "")}…`;
}
