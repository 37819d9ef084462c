"""The opedkit command: outputs, inputs, exit codes and one-line errors."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from opedkit.cli import main

ROOT = Path(__file__).resolve().parent.parent
PAGES = Path(__file__).parent / "fixtures" / "pages"
SEED = ROOT / "seeds" / "000_36ac4c62ca04d7f5.txt"


def run(
    argv: list[str], capsys: pytest.CaptureFixture[str], stdin: bytes | None = None
) -> tuple[int, str, str]:
    out = io.StringIO()
    if stdin is not None:
        old = sys.stdin
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
        try:
            code = main(argv, stdout=out)
        finally:
            sys.stdin = old
    else:
        code = main(argv, stdout=out)
    return code, out.getvalue(), capsys.readouterr().err


def one_line_error(err: str) -> None:
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("opedkit: error: ")
    assert "Traceback" not in err


# --- profile ---------------------------------------------------------------------------------


@pytest.mark.parametrize("argv", [["profile"], ["profile", "--bundled"]], ids=["no-file", "flag"])
def test_profile_bundled(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(argv, capsys)
    assert code == 0 and err == ""
    assert out.startswith("North Korea-Russia Relations And Global Implications – OpEd\n")
    assert "Dr. Sahibzada Muhammad Usman" in out
    assert "  paragraphs" in out and " 10 " in out


def test_profile_csv(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        ["profile", str(PAGES / "library_hours_oped.html"), "--format", "csv"], capsys
    )
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 1
    assert rows[0]["title"] == "Keep the Library Lights On After Dark – OpEd"
    assert rows[0]["paragraphs"] == "7" and rows[0]["error"] == ""


def test_profile_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["profile", str(SEED), "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 0 and isinstance(data, list) and len(data) == 1
    assert data[0]["sentences"] == 40 and data[0]["source"] == str(SEED)


def test_profile_stdin(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["profile", "-", "--format", "json"], capsys, stdin=b"It may rain. Will it?")
    data = json.loads(out)
    assert code == 0 and data[0]["source"] == "<stdin>" and data[0]["sentences"] == 2


def test_profile_stdin_html(capsys: pytest.CaptureFixture[str]) -> None:
    page = (PAGES / "library_hours_oped.html").read_bytes()
    code, out, _ = run(["profile", "-", "--format", "json"], capsys, stdin=page)
    assert code == 0 and json.loads(out)[0]["author"] == "Amara Okafor"


def test_profile_to_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.csv"
    code, out, _ = run(["profile", "--format", "csv", "-o", str(target)], capsys)
    assert code == 0 and out == ""
    assert target.read_text("utf-8").startswith("source,title,author,words")


# --- corpus mode ---------------------------------------------------------------------------------


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    for i in range(3):
        (tmp_path / f"t{i}.txt").write_text(f"Text {i}. " + "It may rain. " * (i + 1), "utf-8")
    return tmp_path


def test_corpus_folder(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["profile", str(corpus), "--format", "csv"], capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and err == ""
    assert [Path(r["source"]).name for r in rows] == ["t0.txt", "t1.txt", "t2.txt"]
    assert [r["words"] for r in rows] == ["5", "8", "11"]


def test_corpus_glob_table(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["profile", str(corpus / "t*.txt")], capsys)
    assert code == 0
    assert "3 texts, 0 with errors" in out


def test_corpus_with_a_bad_file(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (corpus / "zz.txt").write_bytes(b"\x00\x00binary")
    code, out, err = run(["profile", str(corpus), "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 1
    assert len(data) == 4 and data[-1]["error"].startswith("looks like a binary file")
    assert data[-1]["words"] is None
    assert "opedkit: warning: " in err and "zz.txt" in err and "Traceback" not in err


def test_corpus_several_files(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        ["profile", str(corpus / "t2.txt"), str(corpus / "t0.txt"), "--format", "csv"], capsys
    )
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [Path(r["source"]).name for r in rows] == ["t2.txt", "t0.txt"]


# --- compare -------------------------------------------------------------------------------------


def test_compare(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["compare", str(SEED), str(PAGES / "library_hours_oped.html")], capsys)
    assert code == 0
    header = out.splitlines()[0]
    assert header.split()[0] == "measure" and header.rstrip().endswith("B − A")
    paragraphs = next(ln for ln in out.splitlines() if ln.startswith("paragraphs "))
    assert paragraphs.split()[1:] == ["10", "7", "-3"]


def test_compare_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["compare", str(SEED), str(SEED), "--format", "json"], capsys)
    assert code == 0 and len(json.loads(out)) == 2


# --- errors and exit codes ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        pytest.param(["profile", "no-such-file.txt"], "no such file", id="missing-file"),
        pytest.param(["profile", "https://example.com/oped"], "does not fetch", id="url"),
        pytest.param(["profile", "www.example.com"], "does not fetch", id="bare-www"),
        pytest.param(["compare", "a-missing.txt", "b.txt"], "no such file", id="compare-missing"),
        pytest.param(["report", "no-such-file.txt"], "no such file", id="report-missing"),
    ],
)
def test_input_errors(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(argv, capsys)
    assert code == 3 and out == ""
    one_line_error(err)
    assert message in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(b"\x00\x01\x02\x03" * 10, "binary", id="binary"),
        pytest.param(b"", "no body text", id="empty-file"),
        pytest.param(b"   \n\n  ", "no body text", id="whitespace-only"),
    ],
)
def test_bad_files(
    tmp_path: Path, content: bytes, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "bad.txt"
    target.write_bytes(content)
    code, _, err = run(["profile", str(target)], capsys)
    assert code == 3
    one_line_error(err)
    assert message in err


def test_oversized_file_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from opedkit.document import MAX_BYTES

    target = tmp_path / "huge.txt"
    with target.open("wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: no 10 MB written to disk
    code, _, err = run(["profile", str(target)], capsys)
    assert code == 3
    one_line_error(err)
    assert "over the 10 MB limit" in err


def test_oversized_stdin_refused(capsys: pytest.CaptureFixture[str]) -> None:
    from opedkit.document import MAX_BYTES

    code, _, err = run(["profile", "-"], capsys, stdin=b"a " * (MAX_BYTES // 2 + 1))
    assert code == 3 and "over the 10 MB limit" in err


def test_empty_stdin(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["profile", "-"], capsys, stdin=b"")
    assert code == 3 and "<stdin>: is empty" in err


def test_unwritable_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["profile", "-o", str(tmp_path / "no" / "such" / "dir.txt")], capsys)
    assert code == 4
    one_line_error(err)


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["profile", "--format", "xml"], id="bad-format"),
        pytest.param(["frobnicate"], id="unknown-command"),
        pytest.param(["compare", "only-one.txt"], id="compare-needs-two"),
        pytest.param(["profile", "--workers", "0"], id="zero-workers"),
    ],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(argv, stdout=io.StringIO())
    assert exc.value.code == 2
    assert "usage: opedkit" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["profile", "--bundled", str(SEED)], id="bundled-and-file"),
        pytest.param(["compare", "-", "-"], id="stdin-twice"),
    ],
)
def test_contradictory_arguments(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(argv, capsys)
    assert code == 2
    one_line_error(err)


def test_help_for_newcomers(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--help"], stdout=io.StringIO())
    out = capsys.readouterr().out
    assert exc.value.code == 0
    for needle in ("profile", "report", "compare", "exit codes", "standard input", "10 MB"):
        assert needle in out


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run([], capsys)
    assert code == 0 and "usage: opedkit" in out


# --- as a real process --------------------------------------------------------------------------


def _python(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, PYTHONWARNINGS="", OPEDKIT_DEBUG="")
    return subprocess.run(
        [sys.executable, *args], input=stdin, capture_output=True, cwd=ROOT, env=env, timeout=120
    )


def test_real_process_exit_codes() -> None:
    ok = _python("-m", "opedkit", "profile", str(SEED), "--format", "csv")
    assert ok.returncode == 0 and ok.stderr == b""
    bad = _python("-m", "opedkit", "profile", "missing.txt")
    assert bad.returncode == 3
    assert bad.stderr.decode().count("\n") == 1 and b"Traceback" not in bad.stderr


def test_cli_start_up_imports_no_heavy_modules() -> None:
    probe = (
        "import sys, opedkit.cli; "
        "print(sorted(m for m in ('pandas', 'matplotlib', 'ipywidgets', 'trafilatura', 'numpy') "
        "if m in sys.modules))"
    )
    result = _python("-c", probe)
    assert result.stdout.decode().strip() == "[]"


def test_text_profile_does_not_import_notebook_or_web_modules() -> None:
    probe = (
        "import sys; from opedkit.cli import main; main(['profile', '--format', 'csv']); "
        "print(sorted(m for m in ('matplotlib', 'ipywidgets', 'trafilatura') if m in sys.modules),"
        " file=sys.stderr)"
    )
    result = _python("-c", probe)
    assert result.returncode == 0
    assert result.stderr.decode().strip() == "[]"
