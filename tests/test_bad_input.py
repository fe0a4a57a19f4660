"""Bad and hostile input: a clear one-line error naming the file, exit 2, nothing written."""

from __future__ import annotations

import random

import pytest
from typer.testing import CliRunner

from peelgraph.cli import app

from .conftest import SEED_FULL, SEED_SUMMARY

runner = CliRunner()
SEED_TEXT = SEED_FULL.read_text(encoding="utf-8")


def build(tmp_path, *inputs, extra=()):
    out = tmp_path / "out.trig"
    result = runner.invoke(app, ["build", *map(str, inputs), "-o", str(out), *extra])
    return result, out


def assert_refused(result, out, path, message):
    assert result.exit_code == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"[ERROR] {path}"), lines[0]
    assert message in lines[0]
    assert not out.exists()
    assert not list(out.parent.glob(".out.trig.*"))  # no temporary file left behind


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_empty_file(tmp_path):
    path = write(tmp_path, "empty.txt", b"")
    assert_refused(*build(tmp_path, path), path, "file is empty")


def test_whitespace_only_file(tmp_path):
    path = write(tmp_path, "blank.txt", b"  \n\n\t\n")
    assert_refused(*build(tmp_path, path), path, "file is empty")


def test_binary_file(tmp_path):
    path = write(tmp_path, "report.txt", bytes(range(256)) * 20)
    assert_refused(*build(tmp_path, path), path, "binary")


def test_latin1_text_names_the_line(tmp_path):
    text = SEED_TEXT.replace("’", "'").replace("–", "-")
    data = text.encode("utf-8").replace(
        b"Thames Valley Police", "Thames Valley Pol\u00efce".encode("latin-1"), 1
    )
    path = write(tmp_path, "latin1.txt", data)
    line = data[: data.index(b"Pol\xefce")].count(b"\n") + 1
    assert_refused(*build(tmp_path, path), f"{path}:{line}", "not valid UTF-8")


def test_utf16_text(tmp_path):
    path = write(tmp_path, "utf16.txt", SEED_TEXT[:5000].encode("utf-16"))
    assert_refused(*build(tmp_path, path), path, "UTF-16")


def test_very_large_file_over_the_limit(tmp_path):
    path = write(tmp_path, "big.txt", SEED_TEXT * 3)
    result, out = build(tmp_path, path, extra=("--max-input-size", "100000"))
    assert_refused(result, out, path, "over the limit of 100,000")


def test_unknown_format(tmp_path):
    path = write(tmp_path, "minutes.txt", "Minutes of the meeting\n\nApologies: none.\n")
    assert_refused(*build(tmp_path, path), path, "not a PEEL document of a known format")


def test_unknown_peel_year(tmp_path):
    path = write(
        tmp_path,
        "future.txt",
        SEED_TEXT.replace("PEEL: Police effectiveness 2016", "PEEL: Police effectiveness 2031"),
    )
    assert_refused(
        *build(tmp_path, path), path, "no question framework for PEEL 2031 effectiveness"
    )


def test_report_with_its_headings_missing(tmp_path):
    text = "\n".join(
        line
        for line in SEED_TEXT.split("\n")
        if not line.startswith(("How effective", "How effectively"))
    )
    path = write(tmp_path, "headless.txt", text)
    assert_refused(*build(tmp_path, path), path, "no core question")


def test_duplicate_reports(tmp_path):
    first = write(tmp_path, "a.txt", SEED_TEXT)
    second = write(tmp_path, "b.txt", SEED_TEXT)
    assert_refused(*build(tmp_path, first, second), second, f"same content as {first}")


def test_pdf_with_no_text(tmp_path):
    path = write(tmp_path, "scan.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    result, out = build(tmp_path, path)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"[ERROR] {path}")
    assert not out.exists()


def test_batch_with_one_bad_file_writes_nothing_by_default(tmp_path):
    good = write(tmp_path, "good.txt", SEED_TEXT)
    bad = write(tmp_path, "bad.txt", b"\x00\x01binary")
    result, out = build(tmp_path, good, bad)
    assert_refused(result, out, bad, "binary")


def test_keep_going_builds_the_rest_and_lists_what_was_skipped(tmp_path):
    good = write(tmp_path, "good.txt", SEED_TEXT)
    bad = write(tmp_path, "bad.txt", b"\x00\x01binary")
    dup = write(tmp_path, "dup.txt", SEED_TEXT)
    result, out = build(tmp_path, good, bad, dup, extra=("--keep-going",))
    assert result.exit_code == 0, result.stderr
    assert f"[WARNING] skipped {bad}: file is binary" in result.stderr
    assert f"[WARNING] skipped {dup}: same content as {good}" in result.stderr
    assert out.exists()
    assert "skipped files          2" in result.stdout


@pytest.mark.parametrize("seed", range(6))
def test_truncated_reports_never_crash(tmp_path, seed):
    rng = random.Random(seed)
    cut = rng.randrange(50, len(SEED_TEXT))
    path = write(tmp_path, "cut.txt", SEED_TEXT[:cut])
    result, out = build(tmp_path, path)
    assert result.exit_code in (0, 2), result.stderr
    if result.exit_code == 0:
        assert out.exists() and "SHACL validation       conforms" in result.stdout
    else:
        assert result.stderr.startswith(f"[ERROR] {path}") and not out.exists()
    assert "Traceback" not in result.stderr


def test_truncated_summary_is_read_with_a_warning(tmp_path):
    text = SEED_SUMMARY.read_text(encoding="utf-8")
    cut = text[: text.index("How effective is the force at tackling serious")]
    path = write(tmp_path, "summary.txt", cut)
    result, out = build(tmp_path, path, extra=("--warnings",))
    assert result.exit_code == 0, result.stderr
    assert "the summary has no section for 2016-EFF-4 (cut short?)" in result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such reference file"),
        (b"garbage {", "does not parse as Turtle"),
        (b"\xff\xfe\x00binary", "cannot be read as UTF-8 Turtle"),
    ],
)
def test_bad_extra_reference_data_is_one_line_naming_the_file(tmp_path, content, message):
    reference = tmp_path / "extra.ttl"
    if content is not None:
        reference.write_bytes(content)
    out = tmp_path / "out.trig"
    result = CliRunner().invoke(
        app, ["build", str(SEED_FULL), "-o", str(out), "--reference", str(reference)]
    )
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(reference) in lines[0] and message in lines[0]
    assert not out.exists()


def test_reference_data_the_vocabulary_cannot_use_is_refused_naming_the_file(tmp_path):
    """A question framework without its PEEL year cannot be used: the build stops."""
    reference = tmp_path / "no-year.ttl"
    reference.write_text(
        "@prefix peel: <https://w3id.org/peelgraph/ontology#> .\n"
        "<https://w3id.org/peelgraph/id/scheme/questions-2019-legitimacy> a "
        "peel:QuestionFramework .\n",
        encoding="utf-8",
    )
    out = tmp_path / "o.trig"
    result = CliRunner().invoke(
        app, ["build", str(SEED_FULL), "-o", str(out), "--reference", str(reference)]
    )
    assert result.exit_code == 2, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("[ERROR]") and str(reference) in lines[0]
    assert "peelYear" in lines[0] and not out.exists()
