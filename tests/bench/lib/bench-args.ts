/**
 * The bench command line: suite names, and `--name value` flags for the suites that take them
 * (`npm run bench -- soak --duration 300`). Kept apart from the names so a flag never reads as
 * an unknown suite.
 */
export interface BenchArgs {
  suites: string[];
  flags: Record<string, string>;
}

export function parseBenchArgs(argv: string[]): BenchArgs {
  const suites: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      suites.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (inline !== undefined) flags[name] = inline;
    else {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value`);
      flags[name] = value;
      i += 1;
    }
  }
  return { suites, flags };
}
