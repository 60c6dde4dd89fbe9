// Internationalisation shared by the server and the browser: the six languages and the ICU
// message formatter, so an e-mail, an export and a screen say things the same way.
export * from './languages.js';
export * from './icu.js';
export type { IcuNumericParamNames, IcuParamNames, IcuParamsOf } from './icu-types.js';
