"""deploy/troly.service passes `systemd-analyze verify` where systemd is installed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

UNIT = Path(__file__).resolve().parents[2] / "deploy" / "troly.service"


def test_the_unit_runs_the_bot_as_its_own_user_with_state_and_hardening() -> None:
    text = UNIT.read_text(encoding="utf-8")
    for line in ("User=troly", "StateDirectory=troly", "Restart=on-failure",
                 "ExecStart=/opt/troly/.venv/bin/troly run", "NoNewPrivileges=yes",
                 "ProtectSystem=strict", "ProtectHome=yes", "PrivateTmp=yes"):
        assert line in text.splitlines(), line


def test_systemd_analyze_verify_accepts_the_unit(tmp_path: Path) -> None:
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze is not installed here: the unit was not verified")
    # verify checks that ExecStart exists: point the install folder at a stand-in.
    install = tmp_path / "opt"
    (install / ".venv" / "bin").mkdir(parents=True)
    (install / ".venv" / "bin" / "troly").write_text("#!/bin/sh\n")
    (install / ".venv" / "bin" / "troly").chmod(0o755)
    unit = tmp_path / "troly.service"
    unit.write_text(UNIT.read_text(encoding="utf-8").replace("/opt/troly", str(install)),
                    encoding="utf-8")
    result = subprocess.run(["systemd-analyze", "verify", str(unit)], capture_output=True,
                            text=True, timeout=60)
    ours = [line for line in (result.stdout + result.stderr).splitlines()
            if "troly.service" in line]
    assert result.returncode == 0 and not ours, result.stdout + result.stderr
