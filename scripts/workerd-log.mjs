// wrangler dev's output, made readable: workerd prints a multi-line stack dump for every
// portal it cannot reach (DNS, refused, TLS); one line per failure says the same.

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;

/**
 * A line filter: give it wrangler's lines one by one; it returns the line to print
 * (possibly shortened) or null to drop it. Stateful: a dump's "stack:" and blank lines are dropped.
 */
export function workerdLogFilter() {
  let inDump = false;
  return (raw) => {
    const line = raw.replace(ANSI, '');
    if (inDump) {
      if (!line.trim() || /^\s*stack:/.test(line)) return null;
      inDump = false;
    }
    const dump = /\[ERROR\]\s*e = kj\/[^:]+:\d+: (?:failed|disconnected|overloaded): (.*)$/.exec(line);
    if (!dump) return raw;
    inDump = true;
    const host = /params\.host = ([^;\s]+)/.exec(dump[1])?.[1];
    const why = dump[1].split(';')[0].replace(/\.$/, '').trim();
    return `  workerd: ${why}${host ? ` (${host})` : ''}`;
  };
}
