"""Check that the pandas baseline builds the same gold tables as c360 (same rows, same values).

Run c360 and the baseline on one workspace first, then compare them table by table: every
column the two share (pseudonyms and ``customer360_id`` aside, which the baseline does not
make), rows matched after sorting, numbers equal to the cent; a baseline column c360 lacks
differs. Prints one line per table and exits with 1 if any differs. Usage:
python benchmarks/check_baseline.py --workspace WS --baseline OUT
(``c360 run -w WS`` and ``python benchmarks/pandas_baseline.py --workspace WS --out OUT``.)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.dataset as ds


def differences(ours: pd.DataFrame, theirs: pd.DataFrame) -> list[str]:
    """What differs between two tables over their shared columns, rows sorted alike; a column of
    the baseline that c360 lacks (one renamed on one side only) is a difference too."""
    lacking = [c for c in theirs.columns if c not in ours.columns]
    columns = [c for c in theirs.columns if c in ours.columns and "hash" not in c]
    columns = [c for c in columns if c != "customer360_id"]
    if len(ours) != len(theirs):
        return [f"{len(theirs):,} rows in the baseline, {len(ours):,} in c360"]
    order = columns[:3]
    a = theirs[columns].sort_values(order).reset_index(drop=True)
    b = ours[columns].sort_values(order).reset_index(drop=True)
    found = [f"not in c360: {', '.join(lacking)}"] if lacking else []
    for column in columns:
        x, y = a[column], b[column]
        if pd.api.types.is_numeric_dtype(x) and pd.api.types.is_numeric_dtype(y):
            same = np.isclose(
                x.astype(float), y.astype(float), rtol=1e-9, atol=0.005, equal_nan=True
            )
        else:
            same = (x.astype(str) == y.astype(str)) | (x.isna() & y.isna())
        if not same.all():
            i = int(np.argmin(same))
            found.append(f"{column}: {(~same).sum()} rows, e.g. {x.iloc[i]!r} vs {y.iloc[i]!r}")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workspace", type=Path, required=True)
    parser.add_argument("--baseline", type=Path, required=True)
    args = parser.parse_args()
    failed = False
    for path in sorted(args.baseline.glob("seed*/*.parquet")):
        gold = args.workspace / "lake" / "gold" / path.stem
        if not gold.exists():
            print(f"{path.stem}: not in c360's gold")
            failed = True
            continue
        ours = ds.dataset(gold, partitioning="hive").to_table().to_pandas()
        found = differences(ours, pd.read_parquet(path))
        failed = failed or bool(found)
        print(f"{path.stem}: {len(ours):,} rows, " + ("same" if not found else "; ".join(found)))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
