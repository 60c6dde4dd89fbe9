// pidusage 4 ships no types; the part the benchmark uses.
declare module 'pidusage' {
  interface Status {
    /** CPU use since the previous call, percent of one core. */
    cpu: number;
    /** Resident set size, bytes. */
    memory: number;
    /** CPU time used so far, ms. */
    ctime: number;
    elapsed: number;
    timestamp: number;
  }
  function pidusage(pid: number): Promise<Status>;
  namespace pidusage {
    function clear(): void;
  }
  export default pidusage;
}
