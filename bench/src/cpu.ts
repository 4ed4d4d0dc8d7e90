/** CPU time (user + system) of this process in ms: what a driver costs, independent of server latency. */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
