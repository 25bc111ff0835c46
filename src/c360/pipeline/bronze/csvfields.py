"""CSV records whose number of fields is not what Arrow expects.

Some exporters end every record with a delimiter the header lacks, and some files mix records
with and without it. A record of the header's fields is whole, and so is one of a field more
(that trailing delimiter): empty, or else a value under no name, which the drift check reports;
in a file whose first record has no trailing delimiter, a value there is a malformed record.
A header may end with a delimiter too (a spreadsheet's empty unnamed last column): a record
lacking that last field is whole as well. Any other count is malformed and set aside with a
reason. Arrow reads a file expecting one count (the first record's), so its invalid-row handler
keeps the records of the others, which are parsed apart and join the rows around them in file
order.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

from c360.pipeline.bronze.blocks import Reject


def text_options(names: Iterable[str]) -> pacsv.ConvertOptions:
    """Every column as text, as written: only an empty value is missing (``NA`` is Namibia,
    ``NULL`` a word silver reads); text that is not UTF-8 is found afterwards, record by
    record, rather than failing the file."""
    return pacsv.ConvertOptions(
        column_types=dict.fromkeys(names, pa.string()),
        null_values=[""],
        strings_can_be_null=True,
        check_utf8=False,
    )


@dataclass
class Fields:
    """Arrow's handler of CSV records of an unexpected number of fields: those of the other
    count a trailing delimiter allows are kept for ``joined``, the others become rejects."""

    source: str
    trailing: bool  # whether Arrow expects the header's fields and one more (trailing delimiters)
    delimiter: str
    ending: str  # the file's last line break, if any: Arrow leaves it out of a record's text
    unnamed_last: bool = False  # whether the header's own last field is unnamed (ends with one)
    rejects: list[Reject] = field(default_factory=list)
    # by their number of fields, (number, text) of the records of another whole count, to join
    others: dict[int, list[tuple[int, str]]] = field(default_factory=dict)
    skipped: list[int] = field(default_factory=list)  # numbers of the records Arrow skipped

    def __call__(self, row: pacsv.InvalidRow) -> str:
        # Arrow numbers the header and the records, not empty lines: number - 1 is the record's
        number = (row.number or 0) - 1
        fields = row.expected_columns - self.trailing  # the header's
        self.skipped.append(number)
        found = row.actual_columns
        if found == fields + (not self.trailing) or (self.unnamed_last and found == fields - 1):
            self.others.setdefault(found, []).append((number, row.text))
        else:
            reason = _reason(fields, found)
            self.rejects.append((self.source, number, row.text, reason))
        return "skip"

    def joined(
        self, batch: pa.RecordBatch, numbers: np.ndarray, upto: float
    ) -> tuple[pa.RecordBatch, np.ndarray]:
        """``batch`` (its rows numbered ``numbers``) with the records of the other counts kept
        so far up to number ``upto``, in file order."""
        width = batch.num_columns
        parts, numbered = [batch], [numbers]
        for count, pending in sorted(self.others.items()):
            now = [other for other in pending if other[0] <= upto]
            if not now:
                continue
            self.others[count] = [other for other in pending if other[0] > upto]
            # the line break after the last: a quote never closed holds it (the file's last)
            parsed = _parsed([text for _, text in now], count, self.delimiter, self.ending)
            added = np.array([number for number, _ in now], np.int64)
            if count < width:  # a field or two less: the unnamed last one, a trailing one
                for _ in range(width - count):
                    parsed = parsed.append_column("", pa.nulls(parsed.num_rows, pa.string()))
            else:  # a field more: whole when it is empty
                filled = parsed.column(count - 1).is_valid().to_numpy(zero_copy_only=False)
                reason = _reason(count - 1, count)
                self.rejects += [(self.source, *now[i], reason) for i in np.flatnonzero(filled)]
                parsed = parsed.filter(pa.array(~filled)).drop_columns(str(count - 1))
                added = added[~filled]
            parts.append(pa.RecordBatch.from_arrays(parsed.columns, schema=batch.schema))
            numbered.append(added)
        if len(parts) == 1:
            return batch, numbers
        numbers = np.concatenate(numbered)
        order = np.argsort(numbers, kind="stable")
        return pa.concat_batches(parts).take(pa.array(order)), numbers[order]


def _reason(expected: int, found: int) -> str:
    return f"expected {expected} fields, found {found}"


def _parsed(texts: list[str], width: int, delimiter: str, ending: str) -> pa.RecordBatch:
    """Records of ``width`` fields, parsed from their text as the file's reader parses them."""
    names = [str(i) for i in range(width)]
    data = ("\n".join(texts) + ending).encode("utf-8")
    table = pacsv.read_csv(
        io.BytesIO(data),
        read_options=pacsv.ReadOptions(
            use_threads=False, block_size=len(data) + 1, column_names=names
        ),
        parse_options=pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=True),
        convert_options=text_options(names),
    )
    return table.combine_chunks().to_batches()[0]
