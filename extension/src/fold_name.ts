// How the first look compares a page's title, headings and address with the names policies
// give themselves: lower case, accents off, separators ("-", "_", "/", ".") as spaces. The
// build folds the names with this same function (scripts/build.mjs).

export function foldName(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\s\-_/.+%]+/gu, ' ')
    .trim();
}
