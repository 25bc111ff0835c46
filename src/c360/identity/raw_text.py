"""Text as a source wrote it, read as silver reads it before identity matches or shows it.

Bronze keeps every value as landed. Silver reads a word that means missing (``parse.MISSING``:
N/A, NULL, None…) as no value, a JSON object or array where text belongs (a document source's
nested value) as no text, and repairs UTF-8 that an export decoded as Latin-1 ("Ã©" → "é").
Identity reads the source tables from bronze, so it does the same here: a placeholder is
nobody's name, and "Ã\x81lvarez" is Álvarez, who matches her other records.
"""

from __future__ import annotations

import re

import pyarrow as pa
import pyarrow.compute as pc

from c360.pipeline.silver.conform import read_back
from c360.pipeline.silver.parse import MISSING

_TEXT = pa.string()
MISSING_WORD = r"^\s*(?:" + "|".join(re.escape(w) for w in MISSING) + r")\s*$"
_STRUCTURE = r"(?s)^\s*(?:\{.*\}|\[.*\])\s*$"
# The lead byte, read as Latin-1 or Windows-1252, of a UTF-8 letter of Latin-1 ("Ã", "Â") or
# of punctuation from U+2000 on ("â"): text without any of them is sound.
_MIS_ENCODED = "[ÃÂâ]"


def read_as_silver(values: pa.Array | pa.ChunkedArray, words: bool = True) -> pa.Array:
    """``values`` as text, NULL where they hold a JSON object or array or (``words``) a word
    meaning missing, mis-encoded text repaired. A country keeps its words (NA is Namibia).

    >>> read_as_silver(pa.array([" N/A", "Null", "{}", "RenÃ©e", None])).to_pylist()
    [None, 'Null', None, 'Renée', None]
    """
    text = pc.cast(values, _TEXT)
    if isinstance(text, pa.ChunkedArray):
        text = text.combine_chunks()
    drop = pc.match_substring_regex(text, _STRUCTURE)
    if words:
        drop = pc.or_(drop, pc.match_substring_regex(text, MISSING_WORD))
    text = pc.if_else(pc.fill_null(drop, False), pa.scalar(None, _TEXT), text)
    marked = pc.fill_null(pc.match_substring_regex(text, _MIS_ENCODED), False)
    if not pc.any(marked).as_py():
        return text
    repaired = pa.array(map(read_back, text.filter(marked).to_pylist()), _TEXT)
    return pc.replace_with_mask(text, marked, repaired)
