// The rules of `npm run check:i18n` as pure functions over one catalogue set (a folder holding
// messages.en.ts and its translations), so a test can feed them a small fixture. What they
// catch: a language without a catalogue, a key missing from a translation or added to it, a
// message that is not valid ICU, a translation whose parameters differ from the English ones,
// and an English key that no source file uses.
import { IntlMessageFormat } from 'intl-messageformat';

export const UN_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];

/** Parses an ICU message; returns its argument names, or throws with the parser's reason. */
export function icuParameters(message) {
  const ast = new IntlMessageFormat(message, 'en', undefined, { ignoreTag: true }).getAst();
  const names = new Set();
  const visit = (elements) => {
    for (const element of elements) {
      // Type 0 is literal text; `#` (type 7) has no value. Everything else names an argument.
      if (element.type !== 0 && typeof element.value === 'string') names.add(element.value);
      if (element.options) for (const option of Object.values(element.options)) visit(option.value);
    }
  };
  visit(ast);
  return names;
}

const sameSet = (a, b) => a.size === b.size && [...a].every((x) => b.has(x));
const list = (names) => [...names].sort().join(', ') || 'none';

/**
 * Checks one catalogue set. `catalogues` maps a language to its messages (undefined when the
 * file is missing); `sources` are the texts of the package's source files; `dynamicPrefixes`
 * are key prefixes the code completes at run time (`role.${role}`), each with a reason and,
 * when the prefix is broad, `only` the endings the code can produce.
 * Returns the problems found, one sentence each; none means the set is sound.
 */
export function checkCatalogueSet({ name, catalogues, sources, dynamicPrefixes = [] }) {
  const problems = [];
  const english = catalogues.en;
  if (!english) return [`${name}: there is no messages.en.ts`];
  const englishParams = new Map();
  for (const [key, message] of Object.entries(english)) {
    try {
      englishParams.set(key, icuParameters(message));
    } catch (error) {
      problems.push(`${name} en ${key}: not valid ICU (${error.message})`);
    }
  }

  for (const language of UN_LANGUAGES.filter((l) => l !== 'en')) {
    const catalogue = catalogues[language];
    if (!catalogue) {
      problems.push(`${name}: no catalogue for ${language} (messages.${language}.ts)`);
      continue;
    }
    for (const key of Object.keys(english)) {
      if (!(key in catalogue)) problems.push(`${name} ${language}: missing key ${key}`);
    }
    for (const [key, message] of Object.entries(catalogue)) {
      if (!(key in english)) {
        problems.push(`${name} ${language}: key ${key} is not in English`);
        continue;
      }
      let params;
      try {
        params = icuParameters(message);
      } catch (error) {
        problems.push(`${name} ${language} ${key}: not valid ICU (${error.message})`);
        continue;
      }
      const expected = englishParams.get(key);
      if (expected && !sameSet(params, expected)) {
        problems.push(
          `${name} ${language} ${key}: parameters ${list(params)}, English has ${list(expected)}`,
        );
      }
    }
  }

  const code = sources.join('\n');
  for (const { prefix } of dynamicPrefixes) {
    if (!code.includes(`\`${prefix}\${`)) {
      problems.push(`${name}: allow-listed prefix ${prefix} is no longer built in the code`);
    }
  }
  for (const key of Object.keys(english)) {
    const built = dynamicPrefixes.some(
      ({ prefix, only }) =>
        key.startsWith(prefix) && (!only || only.includes(key.slice(prefix.length))),
    );
    if (built) continue;
    const quoted = [`'${key}'`, `"${key}"`, `\`${key}\``];
    if (!quoted.some((q) => code.includes(q))) problems.push(`${name}: key ${key} is never used`);
  }
  return problems;
}
