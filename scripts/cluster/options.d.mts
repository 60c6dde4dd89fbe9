// Types of options.mjs, for the TypeScript tests that import it.
export declare const USAGE: string;

export type ClusterOptions =
  | { help: true }
  | {
      help: false;
      nodes: number;
      port: number;
      host: string;
      data: string | undefined;
      logs: string | undefined;
    };

export declare function parseClusterOptions(argv: readonly string[]): ClusterOptions;
