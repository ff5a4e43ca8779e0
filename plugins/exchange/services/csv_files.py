"""CSV as Zou writes and reads it: ``;``-separated answers named ``kitsu_<slug>.csv``, and
uploads whose dialect is sniffed, read row by row with the file's line numbers."""

import csv
import io

from slugify import slugify

SNIFF_BYTES = 8192


def file_name(title):
    """Zou's download name: ``kitsu_`` and the title slugified twice."""
    return f"kitsu_{slugify(slugify(title), separator='_')}.csv"


def write(rows):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows(rows)
    return buffer.getvalue()


def read(text):
    """``[(line number, row dict)]`` of a CSV text, the header naming the columns; rows
    holding nothing but separators are skipped. ``csv.Error`` for a text that is no CSV."""
    sample = text[:SNIFF_BYTES]
    dialect = csv.Sniffer().sniff(sample)
    dialect.doublequote = True
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    return [(reader.line_num, row) for row in reader
            if any(isinstance(value, str) and value.strip() for value in row.values())]
