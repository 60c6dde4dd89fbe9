// A stable colour per stakeholder for carets and selections: the same delegation always looks
// the same to everyone. Colours are dark enough for white caret labels (WCAG AA on white text).
const PALETTE = [
  '#1f5fa8',
  '#b3261e',
  '#1b7f3b',
  '#8a4baf',
  '#b0560c',
  '#0f6e7a',
  '#a12a6b',
  '#4d5b13',
  '#5a3fc0',
  '#7a4a12',
  '#2d6a8f',
  '#9c2f2f',
];

export function stakeholderColor(stakeholderId: string): string {
  let hash = 0;
  for (const char of stakeholderId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}
