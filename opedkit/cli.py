"""The ``opedkit`` command: profile op-eds, write an HTML report, compare two texts.

Run ``opedkit --help`` (or ``python -m opedkit --help``) for the usage; docs/cli.md has
examples. Exit codes, for scripts:

====  ==========================================================================
0     done
1     corpus mode: the table was written, but some texts could not be profiled
      (their rows say why in the ``error`` column; a warning names each)
2     the command line itself is wrong (unknown option, missing argument)
3     bad input: a missing, unreadable, binary, empty or oversized file, a URL
4     the output could not be written
70    an internal error (a bug: please report it; ``OPEDKIT_DEBUG=1`` shows the traceback)
130   interrupted (Ctrl-C)
====  ==========================================================================

Errors are one line on standard error, ``opedkit: error: <file>: <problem>. <what to do>``,
never a traceback. Nothing is fetched from the network: inputs are files or standard input.

The module imports only the standard library at start-up; pandas and the analysis modules
are imported when a command needs them, so ``opedkit --help`` is instant.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from opedkit.document import Document

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_OUTPUT = 4
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130

DESCRIPTION = """\
opedkit measures an opinion article (op-ed) and shows the words behind every number:
readability, hedges and boosters, questions, and who the claims are credited to.

Inputs are .txt, .md or saved web pages (.html); '-' reads standard input. With no file,
the op-ed bundled with opedkit is used. Nothing is fetched from the internet."""

EPILOG = """\
examples:
  opedkit profile                        the bundled op-ed, as a readable table
  opedkit profile my_oped.txt            your own op-ed (.txt, .md or a saved .html page)
  opedkit profile opeds/ --format csv    every file in a folder: one CSV row per text
  opedkit profile 'opeds/*.html' -o out.json --format json
  pbpaste | opedkit profile -            text from standard input
  opedkit report my_oped.txt -o report.html     a one-file HTML report to print or share
  opedkit compare first.txt second.txt   two texts side by side

exit codes: 0 ok, 1 some texts in a corpus failed (see the 'error' column), 2 wrong
command line, 3 bad input file, 4 cannot write the output, 70 internal error.
Files over {limit} MB are refused. More: docs/cli.md."""


class UserFacingError(Exception):
    """A problem to report in one line and exit with ``code``."""

    def __init__(self, message: str, code: int = EXIT_INPUT) -> None:
        super().__init__(message)
        self.code = code


# --- the parser ------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``opedkit`` command (also used to document it)."""
    from opedkit import __version__
    from opedkit.document import MAX_BYTES

    parser = argparse.ArgumentParser(
        prog="opedkit",
        description=DESCRIPTION,
        epilog=EPILOG.format(limit=MAX_BYTES // 1_000_000),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"opedkit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "profile",
        help="measure op-eds: readability, hedges, boosters, questions, attributions",
        description="Print the profile of one op-ed, or of many (one row per text). "
        "A folder, a glob pattern or several files switch to corpus mode.",
        epilog="With no FILE (or with --bundled) the bundled op-ed is profiled. "
        "In corpus mode, texts that cannot be read get a row with an 'error' "
        "and the exit code is 1.",
    )
    p.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="a .txt/.md/.html file, a folder, a glob such as 'opeds/*.txt', or - for "
        "standard input",
    )
    p.add_argument("--bundled", action="store_true", help="profile the bundled op-ed")
    p.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help="table (readable, the default), csv or json (one record per text)",
    )
    p.add_argument("-o", "--output", metavar="PATH", help="write to PATH instead of the screen")
    p.add_argument(
        "--workers",
        type=_positive_int,
        default=None,
        metavar="N",
        help="corpus mode: processes to use (default: all cores)",
    )
    p.add_argument("--no-progress", action="store_true", help="corpus mode: no progress bar")

    r = sub.add_parser(
        "report",
        help="write a self-contained HTML report of one op-ed",
        description="Write one HTML file (no external files, works offline, prints well): "
        "the text with hedges, boosters, questions and attributions marked, the readability "
        "table, per-paragraph charts and the hardest sentences.",
    )
    r.add_argument("file", nargs="?", metavar="FILE", help="the op-ed (default: the bundled one)")
    r.add_argument("--bundled", action="store_true", help="report on the bundled op-ed")
    r.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="where to write the report (default: report.html in this folder)",
    )
    r.add_argument("--force", action="store_true", help="overwrite PATH if it exists")

    c = sub.add_parser(
        "compare",
        help="two op-eds side by side",
        description="Profile two texts and print them side by side with the difference.",
    )
    c.add_argument("first", metavar="A", help="the first text (a file, or - for standard input)")
    c.add_argument("second", metavar="B", help="the second text")
    c.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help="table (the default), csv or json",
    )
    c.add_argument("-o", "--output", metavar="PATH", help="write to PATH instead of the screen")
    return parser


def _positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return n


# --- reading inputs -----------------------------------------------------------------------------


def _refuse_url(name: str) -> None:
    if name.lower().startswith(("http://", "https://", "www.", "ftp://")):
        raise UserFacingError(
            f"{name}: opedkit does not fetch web pages. Save the page in your browser "
            "(File → Save Page As…, 'Web Page, HTML only') and pass the saved file"
        )


def read_stdin(stream: Any = None) -> Document:
    """Read one op-ed from standard input (text or an HTML page), within the size limit."""
    from opedkit.document import MAX_BYTES, _sniff_html, decode, from_text
    from opedkit.errors import InputError

    stream = stream if stream is not None else sys.stdin.buffer
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(
            f"is over the {MAX_BYTES / 1e6:.0f} MB limit for one op-ed",
            path="<stdin>",
            hint="pass a smaller text",
        )
    if not data.strip():
        raise InputError("is empty", path="<stdin>", hint="pipe the op-ed's text into opedkit")
    text = decode(data, "<stdin>")
    if _sniff_html(data):
        from opedkit.webpage import from_html

        return from_html(text, source="<stdin>")
    return from_text(text, source="<stdin>")


def load_one(name: str | None, bundled: bool = False) -> Document:
    """One input: the bundled op-ed, standard input (``-``) or a file."""
    from opedkit.document import bundled as bundled_doc
    from opedkit.document import load

    if bundled or name is None:
        return bundled_doc()
    if name == "-":
        return read_stdin()
    _refuse_url(name)
    return load(name)


def _is_corpus(files: list[str]) -> bool:
    import glob

    if len(files) > 1:
        return True
    return bool(files) and files[0] != "-" and (Path(files[0]).is_dir() or glob.has_magic(files[0]))


# --- formatting ---------------------------------------------------------------------------------


def _fmt(value: Any) -> str:
    import math

    if value is None:
        return "–"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        if math.isnan(value):
            return "–"
        return f"{value:,.2f}"
    try:  # numpy / pandas scalars
        import numbers

        if isinstance(value, numbers.Integral):
            return f"{int(value):,}"
        if isinstance(value, numbers.Real):
            return _fmt(float(value))
    except TypeError:  # pragma: no cover
        pass
    text = str(value)
    return "–" if text in ("<NA>", "nan") else text


def _plain(value: Any) -> Any:
    """A JSON-safe Python value (NaN and <NA> become None)."""
    import math
    import numbers

    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        f = float(value)
        return None if math.isnan(f) else f
    if str(value) == "<NA>":
        return None
    return value


def profile_table_text(record: dict[str, Any]) -> str:
    """One op-ed's profile as a readable, grouped table (what ``opedkit profile`` prints)."""
    from opedkit.profile import FIELDS

    lines: list[str] = []
    title = record.get("title") or "(no title)"
    lines.append(title)
    who = " · ".join(x for x in (record.get("author", ""), record.get("source", "")) if x)
    if who:
        lines.append(who)
    width = max(len(f.name) for f in FIELDS)
    values = {f.name: _fmt(record.get(f.name)) for f in FIELDS}
    vwidth = max(len(v) for v in values.values())
    group = ""
    for f in FIELDS:
        if f.group != group:
            group = f.group
            lines.append("")
            lines.append(group.upper())
        lines.append(f"  {f.name:<{width}}  {values[f.name]:>{vwidth}}  {f.meaning}")
    return "\n".join(lines) + "\n"


def side_by_side_text(records: list[dict[str, Any]], diff: bool = False) -> str:
    """Several profiles as columns (measures as rows), optionally with B − A."""
    from opedkit.profile import FIELDS

    names = [_short(str(r.get("source", f"text {i + 1}"))) for i, r in enumerate(records)]
    header = ["measure", *names] + (["B − A"] if diff else [])
    rows: list[list[str]] = []
    for key in ("title", "author"):
        rows.append([key, *(_short(str(r.get(key, "") or "–")) for r in records)] + ([""] * diff))
    for f in FIELDS:
        vals = [r.get(f.name) for r in records]
        row = [f.name, *(_fmt(v) for v in vals)]
        if diff:
            a, b = (_plain(v) for v in vals[:2])
            row.append(
                _fmt(b - a) if isinstance(a, (int, float)) and isinstance(b, (int, float)) else "–"
            )
        rows.append(row)
    if any(r.get("error") for r in records):
        rows.append(["error", *(_short(str(r.get("error") or "")) for r in records)])
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    out = []
    for k, row in enumerate([header, *rows]):
        rest = zip(row[1:], widths[1:], strict=True)
        cells = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in rest]
        out.append("  ".join(cells).rstrip())
        if k == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out) + "\n"


def _short(text: str, n: int = 32) -> str:
    return text if len(text) <= n else "…" + text[-(n - 1) :]


_KEY_COLUMNS = ("words", "sentences", "opedkit_grade", "hedging_density", "questions_per_1000")


def corpus_table_text(table: Any) -> str:
    """A corpus as a compact table: one row per text, the key measures, and any error."""
    cols = [c for c in _KEY_COLUMNS if c in table.columns]
    header = ["source", *cols, "error"]
    rows = []
    for record in _table_records(table):
        error = str(record.get("error") or "")
        rows.append(
            [
                _short(str(record["source"]), 48),
                *(_fmt(record.get(c)) for c in cols),
                error if len(error) <= 60 else error[:59] + "…",
            ]
        )
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        first = cells[0].ljust(widths[0])
        middle = [c.rjust(w) for c, w in zip(cells[1:-1], widths[1:-1], strict=True)]
        return "  ".join([first, *middle, cells[-1]]).rstrip()

    out = [line(header), "  ".join("-" * w for w in widths)]
    out.extend(line(r) for r in rows)
    n_err = sum(1 for r in rows if r[-1])
    out.append("")
    out.append(f"{len(rows)} texts, {n_err} with errors. Use --format csv for every column.")
    return "\n".join(out) + "\n"


def _records_json(records: list[dict[str, Any]]) -> str:
    import json

    clean = [{k: _plain(v) for k, v in r.items()} for r in records]
    return json.dumps(clean, ensure_ascii=False, indent=2) + "\n"


def _records_csv(records: list[dict[str, Any]]) -> str:
    import csv
    import io

    from opedkit.profile import _columns

    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=_columns(), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for r in records:
        writer.writerow({k: ("" if _plain(v) is None else _plain(v)) for k, v in r.items()})
    return buf.getvalue()


def _table_records(table: Any) -> list[dict[str, Any]]:
    rows = table.itertuples(index=False, name=None)
    return [dict(zip(table.columns, row, strict=True)) for row in rows]


# --- commands -----------------------------------------------------------------------------------


def _emit(text: str, output: str | None, stdout: TextIO) -> None:
    if output is None:
        stdout.write(text)
        stdout.flush()
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UserFacingError(
            f"{output}: cannot write ({exc.strerror}). Check the folder exists and is writable",
            EXIT_OUTPUT,
        ) from exc


def cmd_profile(args: argparse.Namespace, stdout: TextIO) -> int:
    from opedkit.profile import profile_record

    files: list[str] = list(args.files)
    if args.bundled and files:
        raise UserFacingError("give either --bundled or files, not both", EXIT_USAGE)
    for name in files:
        _refuse_url(name)
    if _is_corpus(files):
        if "-" in files:
            raise UserFacingError(
                "standard input (-) can only be read on its own, not in corpus mode", EXIT_USAGE
            )
        from opedkit.profile import profile_corpus

        target: Any = files[0] if len(files) == 1 else [Path(f) for f in files]
        progress = not args.no_progress and sys.stderr.isatty()
        table = profile_corpus(target, workers=args.workers, progress=progress)
        records = _table_records(table)
        if args.format == "table":
            text = corpus_table_text(table)
        else:
            text = _records_csv(records) if args.format == "csv" else _records_json(records)
        _emit(text, args.output, stdout)
        return EXIT_PARTIAL if any(r["error"] for r in records) else EXIT_OK

    doc = load_one(files[0] if files else None, bundled=args.bundled)
    record = profile_record(doc)
    if record["error"]:
        raise UserFacingError(f"{record['source']}: {record['error']}")
    if args.format == "table":
        text = profile_table_text(record)
    else:
        text = _records_csv([record]) if args.format == "csv" else _records_json([record])
    _emit(text, args.output, stdout)
    return EXIT_OK


def cmd_compare(args: argparse.Namespace, stdout: TextIO) -> int:
    from opedkit.profile import profile_record

    if args.first == "-" and args.second == "-":
        raise UserFacingError("only one of A and B can be standard input (-)", EXIT_USAGE)
    records = []
    for name in (args.first, args.second):
        doc = load_one(name)
        record = profile_record(doc)
        if record["error"]:
            raise UserFacingError(f"{record['source']}: {record['error']}")
        records.append(record)
    if args.format == "table":
        text = side_by_side_text(records, diff=True)
    else:
        text = _records_csv(records) if args.format == "csv" else _records_json(records)
    _emit(text, args.output, stdout)
    return EXIT_OK


def cmd_report(args: argparse.Namespace, stdout: TextIO) -> int:
    from opedkit.report import report_html

    if args.bundled and args.file:
        raise UserFacingError("give either --bundled or a file, not both", EXIT_USAGE)
    doc = load_one(args.file, bundled=args.bundled)
    out = Path(args.output or "report.html")
    if args.file and args.file != "-" and out.resolve() == Path(args.file).resolve():
        raise UserFacingError(f"{out}: the report would overwrite its own input", EXIT_USAGE)
    if out.exists() and not args.force and args.output is None:
        raise UserFacingError(
            f"{out}: already exists. Pass -o PATH to choose another file, or --force",
            EXIT_OUTPUT,
        )
    html = report_html(doc)
    _emit(html, str(out), stdout)
    stdout.write(f"wrote {out} ({len(html.encode('utf-8')) / 1000:.0f} kB)\n")
    return EXIT_OK


COMMANDS = {"profile": cmd_profile, "compare": cmd_compare, "report": cmd_report}


# --- entry point --------------------------------------------------------------------------------


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    print(f"opedkit: warning: {message}", file=sys.stderr)


def main(argv: list[str] | None = None, stdout: TextIO | None = None) -> int:
    """Run the ``opedkit`` command with ``argv`` (default: the process's) and return its code."""
    out = stdout if stdout is not None else sys.stdout
    parser = build_parser()
    args = parser.parse_args(argv)  # exits 2 with a usage line on a wrong command line
    if args.command is None:
        parser.print_help(out)
        return EXIT_OK
    warnings.showwarning = _show_warning
    try:
        return COMMANDS[args.command](args, out)
    except UserFacingError as exc:
        print(f"opedkit: error: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("opedkit: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # the reader went away (e.g. `opedkit profile … | head`): not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:
        from opedkit.errors import InputError

        if isinstance(exc, InputError):
            print(f"opedkit: error: {exc}", file=sys.stderr)
            return EXIT_INPUT
        if os.environ.get("OPEDKIT_DEBUG"):
            raise
        message = " ".join(str(exc).split()) or type(exc).__name__
        print(
            f"opedkit: internal error ({type(exc).__name__}): {message}. This is a bug: "
            "please report it (run with OPEDKIT_DEBUG=1 to see the traceback)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
