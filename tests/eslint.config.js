import { accordLintConfig } from '../.config/eslint.base.js';

export default accordLintConfig(import.meta.dirname);
