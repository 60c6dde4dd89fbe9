// Who a comment mentions. The syntax is `@` followed by a member's display name exactly as the
// negotiation shows it (`@Amb. Helena Orvell`), compared without regard to case; the name must
// end at a space, punctuation or the end of the text. Where two names start alike ("@Ana" and
// "@Ana Maria"), the longest one that fits is meant. Names are people, not delegations.

export interface Mentionable {
  userId: string;
  displayName: string | null;
}

const fold = (text: string): string => text.normalize('NFC').toLocaleLowerCase('und');
/** A letter or digit right after the name means the name was only the start of a longer word. */
const continuesWord = (char: string | undefined): boolean =>
  char !== undefined && /[\p{L}\p{N}_]/u.test(char);

/** The user ids mentioned in `body`, each once, in the order first mentioned. */
export function mentionedUserIds(body: string, people: readonly Mentionable[]): string[] {
  const text = fold(body);
  const names = people
    .filter((p): p is Mentionable & { displayName: string } => !!p.displayName?.trim())
    .map((p) => ({ userId: p.userId, name: fold(p.displayName.trim()) }))
    .sort((a, b) => b.name.length - a.name.length);
  const found: string[] = [];
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    const match = names.find(
      ({ name }) => text.startsWith(name, at + 1) && !continuesWord(text[at + 1 + name.length]),
    );
    if (match && !found.includes(match.userId)) found.push(match.userId);
  }
  return found;
}
