"""Decoding: every encoding a saved report comes in reads back as the same text."""

from __future__ import annotations

import codecs
import os

import pytest

from newstrace.errors import InputError
from newstrace.ingest.decode import decode_text

ENGLISH = "“The dam will hold,” said the engineer — café owners in Lowmere weren’t so sure.\nSecond line."
FRENCH = "Le maire de Lowmère a déclaré à la presse : « Nous sommes prêts », après la crue.\nDeuxième."
RUSSIAN = "Губернатор вымышленной области заявил во вторник, что дамба выдержит паводок."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (ENGLISH.encode("utf-8"), ENGLISH),
        (codecs.BOM_UTF8 + ENGLISH.encode("utf-8"), ENGLISH),
        (ENGLISH.encode("utf-16"), ENGLISH),  # with BOM, native order
        (codecs.BOM_UTF16_BE + ENGLISH.encode("utf-16-be"), ENGLISH),
        (codecs.BOM_UTF16_LE + ENGLISH.encode("utf-16-le"), ENGLISH),
        (ENGLISH.encode("cp1252"), ENGLISH),  # smart quotes and dashes come out right
        (FRENCH.encode("latin-1"), FRENCH),
        (RUSSIAN.encode("cp1251"), RUSSIAN),
        (b"one\r\ntwo\rthree\n", "one\ntwo\nthree\n"),
    ],
)
def test_decode_text(data: bytes, expected: str) -> None:
    assert decode_text(data) == expected


def test_declared_charset_is_used_when_it_fits() -> None:
    data = "Prêt à partir".encode("iso-8859-15")
    assert decode_text(data, declared="iso-8859-15") == "Prêt à partir"
    # A wrong declaration that cannot decode the bytes is not trusted.
    assert decode_text("naïve".encode(), declared="ascii") == "naïve"


@pytest.mark.parametrize("data", [os.urandom(4096), b"\x01\x02\x03\x04" * 100 + b"text"])
def test_binary_bytes_are_refused(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^binary file"):
        decode_text(data)
