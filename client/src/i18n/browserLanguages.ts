// The languages the browser asks for, most wanted first (navigator.languages, or the one
// navigator.language where the list is empty).
export function browserLanguages(): readonly string[] {
  return navigator.languages.length > 0 ? navigator.languages : [navigator.language];
}
