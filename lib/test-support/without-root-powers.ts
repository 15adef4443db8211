/**
 * A command prefix that runs a program as the same user without the capabilities that let root
 * write and read any file (DAC override, DAC read search, file owner). Tests of "the database
 * cannot be written" need it: root writes read-only files regardless. Unlike running as
 * "nobody", the program can still read a checkout in a private folder (such as /root or a
 * `mktemp -d` folder). Only for root: others have no such powers to drop.
 */
export const WITHOUT_ROOT_POWERS = [
  "setpriv",
  "--bounding-set=-dac_override,-dac_read_search,-fowner",
  "--inh-caps=-dac_override,-dac_read_search,-fowner",
] as const;

/** Whether this process runs as root (and so needs WITHOUT_ROOT_POWERS to be refused a write). */
export const isRoot = (): boolean => process.getuid?.() === 0;
