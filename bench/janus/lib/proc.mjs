// Servers under test as child processes, and their CPU from /proc/<pid>/stat (utime + stime, RFC-free: proc(5)).
import { spawn, execFileSync } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';

const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());

/** User and system CPU of a process (all its threads) in ns. */
export function processCpuNs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // f[0] is field 3 (state)
  const tick = 1e9 / CLK_TCK;
  return { user: Number(f[11]) * tick, system: Number(f[12]) * tick };
}

/** CPU (user + system, ns) of each thread of a process, summed by thread name with its digits dropped. */
export function threadCpuNs(pid) {
  const out = new Map();
  let tids;
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replace(/[0-9]+/g, '#');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(name, (out.get(name) ?? 0) + ((Number(f[11]) + Number(f[12])) * 1e9) / CLK_TCK);
    } catch {
      // the thread ended meanwhile
    }
  }
  return out;
}

/** The `top` thread groups that grew most from `a` to `b`, as [name, ns]. */
export function threadDelta(a, b, top = 6) {
  return [...b.entries()]
    .map(([name, ns]) => [name, ns - (a.get(name) ?? 0)])
    .filter(([, ns]) => ns > 0)
    .sort((x, y) => y[1] - x[1])
    .slice(0, top);
}

/** This process's CPU (every thread, libdatachannel's included) in ns. */
export function selfCpuNs() {
  const u = process.cpuUsage();
  return { user: u.user * 1000, system: u.system * 1000 };
}

/**
 * Starts a server whose output goes to a log file; resolves with the first match of `ready` in its output (or
 * `null` when `ready` is not given), rejects when it exits first or does not match within the deadline.
 */
export function startServer(name, command, args, { cwd, log, ready, deadlineMs = 60000 }) {
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = createWriteStream(log);
  let seen = '';
  const result = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} not ready within ${deadlineMs} ms (see ${log})`)), deadlineMs);
    const onData = (d) => {
      out.write(d);
      if (!ready) return;
      seen = (seen + d.toString()).slice(-8192);
      const m = seen.match(ready);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} (see ${log})`));
    });
    if (!ready) {
      clearTimeout(timer);
      resolve(null);
    }
  });
  return { child, ready: result, stop: () => stopChild(child) };
}

function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
