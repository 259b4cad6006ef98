#!/usr/bin/env python3
"""Start-up time and memory of Quire against ghostwriter, side by side, under Xvfb.

    python3 tests/bench/bench_startup.py [--quire build/app/quire] [--runs 5] [--words 10000]

Makes one post of WORDS words with code and math (../shared/bench/gen_corpus.py), imports it into
a fresh Quire library, and for each run starts Quire on that library and ghostwriter on the same
Markdown file, each on a private Xvfb display (1600x1000) with a fresh configuration. Measures:

- shown: from starting the program until a window with its title is mapped (xdotool, every 10 ms);
- editable: from starting the program until Return typed into the editor moves the text below it
  on screen (the window is shown and takes input; tried every 100 ms);
- memory: 6 s later, the proportional set size (PSS) of every process of the program's session
  (Quire with WebEngine's helper processes; ghostwriter with its own).

Prints each run, then the medians and the ratios. Needs Xvfb, xdotool, libX11, libXtst, python3 and
the ghostwriter package.
"""
import argparse, ctypes, ctypes.util, hashlib, os, re, shutil, signal, statistics, subprocess, sys, tempfile, time

ap = argparse.ArgumentParser()
here = os.path.dirname(os.path.abspath(__file__))
ap.add_argument("--quire", default=os.path.join(here, "..", "..", "build", "app", "quire"))
ap.add_argument("--ghostwriter", default=shutil.which("ghostwriter") or "/usr/bin/ghostwriter")
ap.add_argument("--runs", type=int, default=5)
ap.add_argument("--words", type=int, default=10000)
ap.add_argument("--settle", type=float, default=6.0)
ap.add_argument("--shots", default="", help="folder for a screenshot of each program once settled")
a = ap.parse_args()
shared = os.path.join(here, "..", "..", "..", "shared")

x11 = ctypes.cdll.LoadLibrary(ctypes.util.find_library("X11"))
xtst = ctypes.cdll.LoadLibrary(ctypes.util.find_library("Xtst"))
x11.XOpenDisplay.restype = ctypes.c_void_p
x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
x11.XDefaultRootWindow.restype = ctypes.c_ulong
x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
x11.XGetImage.restype = ctypes.c_void_p
x11.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int, ctypes.c_uint,
                          ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
x11.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
x11.XStringToKeysym.restype = ctypes.c_ulong
x11.XStringToKeysym.argtypes = [ctypes.c_char_p]
x11.XFlush.argtypes = [ctypes.c_void_p]
xtst.XTestFakeKeyEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int, ctypes.c_ulong]
libc = ctypes.CDLL(None)
libc.free.argtypes = [ctypes.c_void_p]


class XImage(ctypes.Structure):
    _fields_ = [("width", ctypes.c_int), ("height", ctypes.c_int), ("xoffset", ctypes.c_int),
                ("format", ctypes.c_int), ("data", ctypes.c_void_p), ("byte_order", ctypes.c_int),
                ("bitmap_unit", ctypes.c_int), ("bitmap_bit_order", ctypes.c_int),
                ("bitmap_pad", ctypes.c_int), ("depth", ctypes.c_int), ("bytes_per_line", ctypes.c_int)]


def session_pss_kib(sid):
    """PSS of every process whose session is sid (the program and the helpers it started)."""
    total = 0
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            if int(fields[3]) != sid:
                continue
            with open(f"/proc/{pid}/smaps_rollup") as f:
                total += int(re.search(r"^Pss:\s+(\d+) kB", f.read(), re.M).group(1))
        except (OSError, AttributeError, IndexError, ValueError):
            pass
    return total


def run_once(name, title, cmd, editor_at, env_extra, shot):
    display = f":{(os.getpid() + int(time.time() * 10)) % 300 + 300}"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    home = tempfile.mkdtemp(prefix="bench-startup-")
    env = dict(os.environ, DISPLAY=display, HOME=home, XDG_CONFIG_HOME=os.path.join(home, "config"),
               XDG_DATA_HOME=os.path.join(home, "data"), XDG_CACHE_HOME=os.path.join(home, "cache"),
               QTWEBENGINE_CHROMIUM_FLAGS="--disable-gpu --no-sandbox", QT_QPA_PLATFORM="xcb", **env_extra)
    env.pop("QT_QPA_PLATFORM_PLUGIN_PATH", None)
    dpy = x11.XOpenDisplay(display.encode())
    root = x11.XDefaultRootWindow(dpy)
    start = time.perf_counter()
    app = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)

    def xdo(*args):
        return subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True).stdout.strip()

    def grab(x, y, w, h):
        """The region's rows, as bytes."""
        p = x11.XGetImage(dpy, root, x, y, w, h, 0xFFFFFFFF, 2)
        if not p:
            return []
        img = ctypes.cast(p, ctypes.POINTER(XImage)).contents
        data = ctypes.string_at(img.data, img.bytes_per_line * img.height)
        stride = img.bytes_per_line
        rows = [data[i * stride:(i + 1) * stride] for i in range(img.height)]
        libc.free(img.data)
        libc.free(p)
        return rows

    def changed_rows(before, after):
        return sum(1 for a_row, b_row in zip(before, after) if a_row != b_row) + abs(len(before) - len(after))

    result = {"editable": None, "pss": None, "shown": None}
    try:
        window = ""
        while time.perf_counter() - start < 60 and not window:
            window = xdo("search", "--onlyvisible", "--name", title).split("\n")[0]
            time.sleep(0.01)
        if not window:
            return result
        result["shown"] = time.perf_counter() - start
        geometry = xdo("getwindowgeometry", window)
        w, h = map(int, re.search(r"Geometry: (\d+)x(\d+)", geometry).groups())
        x, y = map(int, re.search(r"Position: (\d+),(\d+)", geometry).groups())
        # The editor: a band around the pointer, where the typed letters appear.
        ex, ey = x + int(w * editor_at), y + h // 3
        subprocess.run(["xdotool", "mousemove", str(ex), str(ey)], env=env)
        region = (max(0, ex - 250), y + 40, 500, h // 2)
        # Return pushes every line below down: hundreds of rows change, where the blinking text
        # cursor or a late repaint of the window changes a few.
        code = x11.XKeysymToKeycode(dpy, x11.XStringToKeysym(b"Return"))
        while time.perf_counter() - start < 60:
            before = grab(*region)
            xtst.XTestFakeKeyEvent(dpy, code, 1, 0)
            xtst.XTestFakeKeyEvent(dpy, code, 0, 0)
            x11.XFlush(dpy)
            sent = time.perf_counter()
            while time.perf_counter() - sent < 0.1:
                if changed_rows(before, grab(*region)) >= 60:
                    result["editable"] = time.perf_counter() - start
                    break
                time.sleep(0.005)
            if result["editable"] is not None:
                break
        time.sleep(a.settle)
        result["pss"] = session_pss_kib(app.pid) / 1024.0
        if shot:
            subprocess.run(["import", "-display", display, "-window", "root", shot], env=env)
        return result
    finally:
        try:
            os.killpg(app.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        app.wait()
        x11.XCloseDisplay(dpy)
        xvfb.terminate()
        xvfb.wait()
        shutil.rmtree(home, ignore_errors=True)


def main():
    work = tempfile.mkdtemp(prefix="bench-startup-corpus-")
    corpus = os.path.join(work, "corpus")
    subprocess.run([sys.executable, os.path.join(shared, "bench", "gen_corpus.py"), "--n", "1", "--words", str(a.words),
                    "--out", corpus], check=True, stdout=subprocess.DEVNULL)
    posts = [os.path.join(d, f) for d, _, fs in os.walk(corpus) for f in fs if f.endswith(".md")]
    library = os.path.join(work, "bench.quire")
    subprocess.run([a.quire, "--library", library, "import", corpus], check=True, stdout=subprocess.DEVNULL,
                   env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    programs = [
        ("Quire", "Quire", [a.quire, "--library", library], 0.45, {}),
        ("ghostwriter", "ghostwriter", [a.ghostwriter, posts[0]], 0.25, {}),
    ]
    figures = {name: {"editable": [], "pss": []} for name, *_ in programs}
    for run in range(a.runs):
        for name, title, cmd, editor_at, extra in programs:
            # Each run on a copy: the typed letters are saved.
            if name == "Quire":
                copy = os.path.join(work, f"run{run}.quire")
                shutil.copy(library, copy)
                cmd = [a.quire, "--library", copy]
            shot = os.path.join(a.shots, f"startup-{name}.png") if a.shots and run == 0 else ""
            r = run_once(name, title, cmd, editor_at, extra, shot)
            editable = "no input seen" if r["editable"] is None else f"{r['editable'] * 1000:.0f} ms"
            shown = f"{r['shown'] * 1000:.0f} ms" if r["shown"] else "never"
            print(f"run {run + 1} {name:12} shown after {shown}, editable after {editable}, memory (PSS, all processes) {r['pss'] or 0:.0f} MiB",
                  flush=True)
            if r["editable"] is not None:
                figures[name]["editable"].append(r["editable"] * 1000)
            if r["pss"]:
                figures[name]["pss"].append(r["pss"])
    shutil.rmtree(work, ignore_errors=True)
    medians = {}
    for name in figures:
        if not figures[name]["editable"] or not figures[name]["pss"]:
            print(f"{name}: no figures")
            return 1
        medians[name] = (statistics.median(figures[name]["editable"]), statistics.median(figures[name]["pss"]))
        print(f"{name:12} median: editable {medians[name][0]:.0f} ms, memory {medians[name][1]:.0f} MiB")
    q, g = medians["Quire"], medians["ghostwriter"]
    print(f"Quire / ghostwriter: start-up {q[0] / g[0]:.2f}x (target <= 0.5), memory {q[1] / g[1]:.2f}x (target <= 1.0)")
    return 0


sys.exit(main())
