"""Instructions a request executes for /api/v1/health, /lab, /me and /team: a measure of the
pages' own work that other jobs on the machine do not move.

On a shared 2-core machine the CPU time of unchanged code moves by half or more between
runs, so a change of a few percent cannot be read from `bench_web.py`. This bench builds
the same throwaway instance (migrations, `lab demo`, --history more answers for agent1),
then runs the pages through the Flask test client under valgrind's callgrind: 5 requests
each to warm up, then --requests each. A short sleep between pages makes callgrind write
its counts so far (`--dump-before=*nanosleep*`), so each page's requests are counted apart
from start-up and from each other. The same page counted twice differs by well under 1%.

Run: python bench/bench_instructions.py [--requests 20] [--history 35000]
Needs valgrind (Debian: apt-get install valgrind). Takes a few minutes: Python runs some
fifty times slower under it. Prints plain numbers; not a test.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_web import HEADERS, TARGETS, _prepare, instance_env, signed_in_clients  # noqa: E402

_TOTALS = re.compile(r"^totals:\s+(\d+)", re.MULTILINE)


def child(requests: int) -> None:
    """Under callgrind: sign in, warm every page, then each page's requests between sleeps."""
    clients = signed_in_clients()
    for path, login in TARGETS:
        for _ in range(5):
            clients[login or "agent1"].get(path, headers=HEADERS)
    for path, login in TARGETS:
        time.sleep(0.001)  # callgrind dumps here: what came before is not this page's
        for _ in range(requests):
            if clients[login or "agent1"].get(path, headers=HEADERS).status_code != 200:
                raise RuntimeError(f"{path} did not answer 200")
    time.sleep(0.001)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--history", type=int, default=35000,
                        help="extra answers for agent1, to load /me with history")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    if not 0 < args.requests <= 100:
        parser.error("keep it bounded: --requests 1 to 100")
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        sys.exit("bench_instructions needs valgrind (Debian: apt-get install valgrind)")
    with tempfile.TemporaryDirectory(prefix="bench-instr-") as instance:
        env = instance_env(instance, "bench-instr")
        began = time.perf_counter()
        _prepare(env, args.history)
        print(f"demo instance ready in {time.perf_counter() - began:.0f} s"
              + (f" (+{args.history:,} answers for agent1)" if args.history else ""),
              flush=True)
        out = Path(instance) / "cg.out"
        began = time.perf_counter()
        subprocess.run([valgrind, "--tool=callgrind", "--dump-before=*nanosleep*",  # noqa: S603
                        f"--callgrind-out-file={out}", sys.executable, __file__,
                        "--child", str(args.requests)],
                       env=env, cwd=ROOT, check=True, capture_output=True)
        # Dumps .1 (start-up and warming), .2 to .5 (the pages in turn); cg.out is the exit.
        dumps = sorted(Path(instance).glob("cg.out.*"), key=lambda p: int(p.suffix[1:]))
        if len(dumps) != len(TARGETS) + 1:
            raise RuntimeError(f"expected {len(TARGETS) + 1} dumps, found {len(dumps)}: "
                               "something else slept during the requests")
        counts = [int(_TOTALS.search(d.read_text()).group(1)) for d in dumps[1:]]  # type: ignore[union-attr]
    print(f"counted under callgrind in {time.perf_counter() - began:.0f} s; "
          f"{args.requests} requests a page after 5 to warm up (test client, no HTTP)")
    health = counts[0] / args.requests
    for (path, login), total in zip(TARGETS, counts, strict=True):
        each = total / args.requests
        who = f" ({login})" if login else ""
        print(f"  {path + who:<24} {each / 1e6:7.2f} M instructions a request  "
              f"{each / health:5.1f}x health's")


if __name__ == "__main__":
    main()
