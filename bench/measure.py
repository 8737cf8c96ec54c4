#!/usr/bin/env python3
"""Run a command; print its wall time, CPU time (user+sys, children included)
and peak resident memory as JSON. Output of the command is discarded."""
import json, os, subprocess, sys, time

start = time.monotonic()
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(proc.pid, 0)
wall = time.monotonic() - start
print(json.dumps({
    "wall": wall,
    "cpu": usage.ru_utime + usage.ru_stime,
    "maxrss_kb": usage.ru_maxrss,
    "exit": os.waitstatus_to_exitcode(status),
}))
