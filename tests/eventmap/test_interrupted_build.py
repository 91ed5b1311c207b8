"""A build killed while writing the map leaves the previous map whole.

The build runs in a subprocess whose ``os.replace`` stops, for the output
files only, after the new file has been written under its temporary name and
before it is renamed over the old one: the worst moment to be killed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventmap.build import build

# Runs the CLI with os.replace paused on the map outputs (the test's own hook).
_PAUSED_BUILD = """
import os, sys, time
from pathlib import Path

flag = Path(sys.argv[1])
real_replace = os.replace

def paused_replace(src, dst, *args, **kwargs):
    if Path(dst).name in ("index.html", "events.geojson"):
        flag.write_text(str(src))
        time.sleep(120)
    return real_replace(src, dst, *args, **kwargs)

os.replace = paused_replace
from eventmap.cli import main
sys.exit(main(sys.argv[2:]))
"""


def _temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.slow
@pytest.mark.usefixtures("quick_render")
@pytest.mark.parametrize(
    ("sig", "cleans_up"),
    [(signal.SIGTERM, True), (signal.SIGINT, True), (signal.SIGKILL, False)],
)
def test_a_build_killed_mid_write_leaves_the_previous_map(
    pipeline, corpus, tmp_path, kit, sig, cleans_up
):
    out, cache = tmp_path / "maps", tmp_path / "cache"
    build(corpus, out, pipeline=pipeline, cache_dir=cache)
    previous = kit.outputs(out)
    kit.write(corpus, dict([kit.extra]))
    # Warm the cache for the new article set, so the child needs no spaCy.
    build(corpus, tmp_path / "elsewhere", pipeline=pipeline, cache_dir=cache)
    expected = kit.outputs(tmp_path / "elsewhere")
    assert expected != previous

    flag = tmp_path / "paused"
    argv = ["build", str(corpus), "--out", str(out), "--cache-dir", str(cache), "-q"]
    child = subprocess.Popen(
        [sys.executable, "-c", _PAUSED_BUILD, str(flag), *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    try:
        deadline = time.monotonic() + 90
        while not flag.exists():
            assert child.poll() is None, child.communicate()[1].decode()
            assert time.monotonic() < deadline, "the build never reached its first output"
            time.sleep(0.05)
        assert Path(flag.read_text()).exists()  # the new file, written but not yet renamed
        child.send_signal(sig)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()

    assert kit.outputs(out) == previous
    if cleans_up:
        assert child.returncode in (130, 128 + signal.SIGTERM)
        assert _temp_files(out) == []
    else:
        assert _temp_files(out)  # SIGKILL leaves the temporary file: the next build removes it
    build(corpus, out, pipeline=pipeline, cache_dir=cache)
    assert kit.outputs(out) == expected
    assert _temp_files(out) == []
