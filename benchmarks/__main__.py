"""Command line: ``python -m benchmarks [notebooks|widget|vectorised ...] [--quick]``."""

from __future__ import annotations

import argparse
import importlib
import platform
import sys
import time

from . import BENCHMARKS
from ._common import BenchmarkFailed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Side-by-side benchmarks for ccexercise. Prints ratios measured in "
                    "the same run; no timing thresholds.")
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help=f"benchmarks to run: {', '.join(BENCHMARKS)} (default: all)")
    parser.add_argument("--quick", action="store_true",
                        help="a short smoke run: fewer repeats and slider changes")
    args = parser.parse_args(argv)
    unknown = [name for name in args.names if name not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark(s) {', '.join(unknown)}; "
                     f"choose from {', '.join(BENCHMARKS)}")
    names = list(dict.fromkeys(args.names)) or list(BENCHMARKS)

    import ccexercise
    import numpy
    import pandas
    print(f"ccexercise {ccexercise.__version__} benchmarks{' (--quick)' if args.quick else ''}: "
          f"Python {platform.python_version()}, numpy {numpy.__version__}, "
          f"pandas {pandas.__version__}, {platform.machine()} {platform.system()}")

    failed = []
    for name in names:
        module = importlib.import_module(f".{name}", __package__)
        start = time.perf_counter()
        try:
            ok = module.run(quick=args.quick)
        except BenchmarkFailed as exc:
            print(f"\n  FAILED: {exc}")
            ok = False
        print(f"  ({name} took {time.perf_counter() - start:.0f} s)")
        if not ok:
            failed.append(name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
