#!/usr/bin/env python3
"""Recording cost, hotseat against asciinema, in one run (issue 6).

Drives each command in a 120x40 pty: waits for the first frame, types 120
characters (one every 100 ms), sits idle for --idle seconds, then stops it
with SIGTERM. Reports the CPU seconds of the recording process and the bytes
the recording took:
  - hotseat-record:   `hotseat run` (records itself); bytes = session file minus its header
  - hotseat-norecord: `hotseat run --no-record`
  - asciinema:        `asciinema rec -c 'hotseat run --no-record'`; CPU of asciinema
                      itself (not of hotseat), bytes = the .cast file
Usage: tools/recording_vs_asciinema.py [--idle 30] BINARY
"""
import argparse, fcntl, glob, os, pty, select, shutil, signal, struct, sys, tempfile, termios, time

def spawn(argv, env, cols=120, rows=40):
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    return pid, fd

def drain(fd, secs, until=None):
    buf, t0 = b"", time.monotonic()
    while time.monotonic() - t0 < secs:
        r, _, _ = select.select([fd], [], [], 0.02)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            buf += chunk
            if until and until in buf:
                return buf
    return buf

def ticks(pid):
    try:
        f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        return int(f[11]) + int(f[12])
    except OSError:
        return 0

def children(pid):
    try:
        return [int(c) for c in open(f"/proc/{pid}/task/{pid}/children").read().split()]
    except OSError:
        return []

def run(name, argv, env, idle, cpu_of):
    pid, fd = spawn(argv, env)
    drain(fd, 10, until=b"Notes")
    time.sleep(0.5)
    target = pid if cpu_of == "self" else (children(pid) or [pid])[0]
    a = ticks(target)
    for ch in ("x" * 120):
        os.write(fd, ch.encode())
        drain(fd, 0.1)
    drain(fd, idle)
    b = ticks(target)
    cpu = (b - a) / os.sysconf("SC_CLK_TCK")
    for p in children(pid) + [pid]:
        try:
            os.kill(p, signal.SIGTERM)
        except ProcessLookupError:
            pass
    drain(fd, 1)
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    return cpu

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--idle", type=float, default=30)
    ap.add_argument("binary")
    a = ap.parse_args()
    if not shutil.which("asciinema"):
        sys.exit("asciinema not found: pip install asciinema==2.4.0")
    binary = os.path.abspath(a.binary)
    with tempfile.TemporaryDirectory() as data:
        env = dict(os.environ, HOTSEAT_DATA_DIR=data, TERM="xterm-256color")
        scenario = "alibaba-cloud-pm"
        cpu_rec = run("hotseat-record", [binary, "run", scenario, "--seed", "1"], env, a.idle, "self")
        files = glob.glob(os.path.join(data, "sessions", "*.session"))
        text = open(files[0], "rb").read()
        header = len(b"\n".join(text.split(b"\n")[:2])) + 1
        events = len(text) - header
        cpu_norec = run("hotseat-norecord", [binary, "run", scenario, "--seed", "1", "--no-record"], env, a.idle, "self")
        cast = os.path.join(data, "a.cast")
        cmd = f"{binary} run {scenario} --seed 1 --no-record"
        cpu_asc = run("asciinema", ["asciinema", "rec", "-q", "--overwrite", "-c", cmd, cast], env, a.idle, "self")
        cast_bytes = os.path.getsize(cast) if os.path.exists(cast) else 0
    print(f"typed 120 characters, then idle {a.idle:.0f} s")
    print(f"hotseat events (file minus header): {events} bytes ({events / 120:.1f} bytes per typed character)")
    print(f"asciinema .cast file:               {cast_bytes} bytes")
    print(f"ratio hotseat/asciinema:            {events / max(cast_bytes, 1):.3f}")
    print(f"CPU hotseat run:                    {cpu_rec:.2f} s")
    print(f"CPU hotseat run --no-record:        {cpu_norec:.2f} s")
    print(f"hotseat's extra CPU for recording:  {cpu_rec - cpu_norec:+.2f} s")
    print(f"CPU of the asciinema process:       {cpu_asc:.2f} s")

main()
