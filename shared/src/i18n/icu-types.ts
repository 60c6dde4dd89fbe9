// The parameters of an ICU message, read by the compiler from the message's literal type, so
// `t('key', { … })` must be given exactly the names the English text uses. A small recursive
// scan over braces: `{name}`, `{name, number|date|time …}` and `{name, plural|select … {…}}`
// with the branches' own messages scanned too. `#` is not a parameter. Apostrophe quoting is
// not understood (the catalogues do not use it).
//
//   IcuParamNames<'{count, plural, one {# by {who}} other {# by {who}}}'>  // 'count' | 'who'

type Trim<S extends string> = S extends ` ${infer R}` | `\n${infer R}`
  ? Trim<R>
  : S extends `${infer R} ` | `${infer R}\n`
    ? Trim<R>
    : S;

/** Argument kinds whose value is a number (the `#`-prefixed names of the scan below). */
type NumericKind = 'plural' | 'selectordinal' | 'number';

/**
 * Scans message text up to its closing `}` (or the end). Returns [names, rest after the `}`].
 * Numeric arguments are collected as `#name` so the parameter type can ask for a number.
 */
type ScanMessage<S extends string, Acc extends string> = S extends `${infer Text}{${infer After}`
  ? Text extends `${string}}${infer Rest}`
    ? [Acc, `${Rest}{${After}`]
    : ScanArgument<After, Acc>
  : S extends `${string}}${infer Rest}`
    ? [Acc, Rest]
    : [Acc, ''];

/** `S` starts just after an argument's `{`. */
type ScanArgument<S extends string, Acc extends string> = S extends `${infer Name},${infer Spec}`
  ? Name extends `${string}}${string}`
    ? ScanSimple<S, Acc>
    : KindOf<Spec> extends 'plural' | 'select' | 'selectordinal'
      ? Spec extends `${string},${infer Branches}`
        ? ScanBranches<Branches, Acc | ArgName<Trim<Name>, KindOf<Spec>>> extends [
            infer A extends string,
            infer Rest extends string,
          ]
          ? ScanMessage<Rest, A>
          : [Acc, '']
        : [Acc, '']
      : ScanFormatted<Spec, Acc | ArgName<Trim<Name>, KindOf<Spec>>>
  : ScanSimple<S, Acc>;

/** The word after the argument's name: 'plural' in `{count, plural, one {…} …}`. */
type KindOf<Spec extends string> = Spec extends `${infer Head}}${string}`
  ? Head extends `${infer Kind},${string}`
    ? Trim<Kind>
    : Trim<Head>
  : '';

type ArgName<Name extends string, Kind extends string> = Kind extends NumericKind
  ? `#${Name}`
  : Name;

type ScanSimple<S extends string, Acc extends string> = S extends `${infer Name}}${infer Rest}`
  ? ScanMessage<Rest, Acc | Trim<Name>>
  : [Acc, ''];

/** `{n, number, percent}`, `{d, date, short}`: no nested message, the next `}` ends it. */
type ScanFormatted<S extends string, Acc extends string> = S extends `${string}}${infer Rest}`
  ? ScanMessage<Rest, Acc>
  : [Acc, ''];

/** `one {…} other {…}}`: each branch body is a message; a `}` before any `{` ends the argument. */
type ScanBranches<
  S extends string,
  Acc extends string,
> = S extends `${infer Selector}{${infer Body}`
  ? Selector extends `${string}}${infer Rest}`
    ? [Acc, `${Rest}{${Body}`]
    : ScanMessage<Body, Acc> extends [infer A extends string, infer Rest extends string]
      ? ScanBranches<Rest, A>
      : [Acc, '']
  : S extends `${string}}${infer Rest}`
    ? [Acc, Rest]
    : [Acc, ''];

type ScannedNames<S extends string> = ScanMessage<S, never>[0];

/** Every parameter name of an ICU message. */
export type IcuParamNames<S extends string> =
  ScannedNames<S> extends infer N ? (N extends `#${infer Name}` ? Name : N & string) : never;

/** The parameters that must be numbers: plural counts and `{n, number}` arguments. */
export type IcuNumericParamNames<S extends string> =
  ScannedNames<S> extends infer N ? (N extends `#${infer Name}` ? Name : never) : never;

/** The values an ICU message needs: numbers where it counts, text or numbers elsewhere. */
export type IcuParamsOf<S extends string> = {
  [P in IcuParamNames<S>]: P extends IcuNumericParamNames<S> ? number : string | number;
};
