/**
 * The gil scene's fourth lane, in CPython: the same CPU job on real Python threads. Run as
 * `python3 -c PYTHON_LANE <threads> <cpu ms>`; it reports on stdout, one JSON object a line:
 *
 *   {"version": "CPython 3.11.7", "freeThreaded": false, "gil": true, "switchMs": 5}
 *   {"calibrated": 6400000, "ms": 158.2}     iterations that take <cpu ms> of one core, measured over ms of CPU time
 *   {"go": true}                             the threads start now
 *   {"t": 0, "p": 10}                        thread 0 did 10 thousandths of its job (100 reports a thread)
 *   {"t": 0, "done": true}
 *   {"elapsed": 2012.4, "cpuMs": 2310.7}     ms from the first start to the last join; the process's CPU time
 *
 * It stops at once when its stdin closes: the parent that reads it is gone.
 */
export const PYTHON_LANE = String.raw`
import json, os, platform, sys, sysconfig, threading, time

n_threads, cpu_ms = int(sys.argv[1]), float(sys.argv[2])
out = threading.Lock()

def say(**fields):
    line = json.dumps(fields) + '\n'
    with out:
        sys.stdout.write(line)
        sys.stdout.flush()

def orphaned():
    while os.read(0, 4096):
        pass
    os._exit(1)

threading.Thread(target=orphaned, daemon=True).start()

def cpu_job(start, n):
    total = 0
    for i in range(start, start + n):
        total += i * i % 7
    return total

say(version=platform.python_implementation() + ' ' + platform.python_version(),
    freeThreaded=bool(sysconfig.get_config_var('Py_GIL_DISABLED')),
    gil=sys._is_gil_enabled() if hasattr(sys, '_is_gil_enabled') else True,
    switchMs=sys.getswitchinterval() * 1000)

n = 10000
while True:
    t0 = time.thread_time()
    cpu_job(0, n)
    dt = time.thread_time() - t0
    if dt >= 0.15:
        break
    n *= 2
total = max(1, round(n / (dt * 1000) * cpu_ms))
say(calibrated=total, ms=dt * 1000)

REPORTS = 100
def work(k):
    done = 0
    for step in range(1, REPORTS + 1):
        end = total * step // REPORTS
        cpu_job(done, end - done)
        done = end
        say(t=k, p=step * 1000 // REPORTS)
    say(t=k, done=True)

threads = [threading.Thread(target=work, args=(k,), name='thread_{}'.format(k)) for k in range(n_threads)]
say(go=True)
t0 = time.perf_counter()
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
say(elapsed=(time.perf_counter() - t0) * 1000, cpuMs=time.process_time() * 1000)
`;
