"""A build interrupted while writing leaves a whole set of outputs and says which.

The build runs in a subprocess, stopped at one of two moments:

* **staging**: the first new output is written under its temporary name and
  the next is about to be; nothing has been renamed yet.
* **renaming**: the first new output has been renamed into place and the
  second is about to be: the worst moment.

Ctrl-C and SIGTERM while staging leave the previous outputs; while renaming
they are held back until the set is whole, so the new outputs are all there.
The command says truthfully which it left. Only SIGKILL can split a set
(nothing can catch it), and the next build then writes the whole set again.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventmap.build.run import LOCK_FILE, build

# Runs the CLI stopped at a moment of writing the outputs (the test's own hook).
_PAUSED_BUILD = """
import os, sys, time
from pathlib import Path

import eventmap.atomic as atomic

flag, moment, pause = Path(sys.argv[1]), sys.argv[2], float(sys.argv[3])
OUTPUTS = ("index.html", "events.geojson", "events.csv")
seen = []

def stop_at_second(name, where):
    if name in OUTPUTS:
        seen.append(name)
        if len(seen) == 2:
            flag.write_text(where)
            time.sleep(pause)

if moment == "staging":
    real_create = atomic._create_temp

    def paused_create(directory, name):
        stop_at_second(name, str(directory / name))
        return real_create(directory, name)

    atomic._create_temp = paused_create
else:
    real_replace = os.replace

    def paused_replace(src, dst, *args, **kwargs):
        stop_at_second(Path(dst).name, str(dst))
        return real_replace(src, dst, *args, **kwargs)

    os.replace = paused_replace

from eventmap.cli import main
sys.exit(main(sys.argv[4:]))
"""

NAMES = ("events.geojson", "events.csv", "index.html")


def _outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in NAMES}


def _temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def _interrupted(corpus: Path, out: Path, cache: Path, flag: Path, moment: str, sig: int):
    """Run the paused build, send ``sig`` at the pause, and return the finished child."""
    pause = "3" if sig != signal.SIGKILL and moment == "renaming" else "120"
    argv = ["build", str(corpus), "--out", str(out), "--cache-dir", str(cache), "-q"]
    child = subprocess.Popen(
        [sys.executable, "-c", _PAUSED_BUILD, str(flag), moment, pause, *argv, "--export", "csv"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    try:
        deadline = time.monotonic() + 120
        while not flag.exists():
            assert child.poll() is None, child.communicate()[1].decode()
            assert time.monotonic() < deadline, "the build never reached the moment"
            time.sleep(0.05)
        child.send_signal(sig)
        _, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    return child.returncode, err.decode()


@pytest.mark.slow
@pytest.mark.parametrize("moment", ["staging", "renaming"])
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL])
def test_an_interrupted_build_leaves_a_whole_set_and_says_which(
    pipeline, corpus, tmp_path, kit, moment, sig
):
    out, cache = tmp_path / "maps", tmp_path / "cache"
    build(corpus, out, pipeline=pipeline, cache_dir=cache, exports=["csv"])
    previous = _outputs(out)
    kit.write(corpus, dict([kit.extra]))
    # Warm the cache for the new article set, so the child needs no spaCy.
    build(corpus, tmp_path / "elsewhere", pipeline=pipeline, cache_dir=cache, exports=["csv"])
    expected = _outputs(tmp_path / "elsewhere")
    assert all(expected[name] != previous[name] for name in NAMES)

    code, err = _interrupted(corpus, out, cache, tmp_path / "paused", moment, sig)

    if sig == signal.SIGKILL:  # nothing runs after it: a split set is possible, and repaired
        left = _outputs(out)
        if moment == "staging":
            assert left == previous
            assert _temp_files(out)  # the next build removes it
        else:
            assert left == {**previous, "events.geojson": expected["events.geojson"]}
    else:
        assert code == 128 + sig
        assert "Traceback" not in err
        assert _temp_files(out) == []
        assert not (out / LOCK_FILE).exists()
        if moment == "staging":
            assert _outputs(out) == previous
            assert "the previous outputs are unchanged" in err
        else:
            assert _outputs(out) == expected  # the signal waited for the set to be whole
            assert "the new outputs were all written" in err
            assert "unchanged" not in err

    build(corpus, out, pipeline=pipeline, cache_dir=cache, exports=["csv"])
    assert _outputs(out) == expected
    assert _temp_files(out) == []
    assert not (out / LOCK_FILE).exists()
