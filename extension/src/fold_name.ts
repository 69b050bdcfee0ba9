// How the first look compares a page's title, headings and address with the names policies
// give themselves: lower case, every combining mark off (Latin accents, but also Thai vowel
// signs, Devanagari matras and kana voicing marks: both sides lose the same marks),
// separators ("-", "_", "/", ".") as spaces. The build folds the names with this same function
// (scripts/build.mjs).

export function foldName(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\s\-_/.+%]+/gu, ' ')
    .trim();
}
