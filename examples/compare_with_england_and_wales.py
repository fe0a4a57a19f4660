"""Where a force is above or below England and Wales, largest gaps first.

    peelgraph build data/reports -o build/peel.trig --overwrite
    python examples/compare_with_england_and_wales.py [GRAPH] [FORCE]

Uses pandas when it is installed (pip install 'peelgraph[pandas]'), plain rows otherwise.
"""

import sys

from peelgraph import open_graph

graph = sys.argv[1] if len(sys.argv) > 1 else "build/peel.trig"
force = sys.argv[2] if len(sys.argv) > 2 else "thames-valley"

result = open_graph(graph).run("select_metrics_vs_comparator", force=force)
try:
    frame = result.dataframe()
except Exception:  # pandas is optional
    frame = None
if frame is not None and not frame.empty:
    frame["gap"] = frame["difference"].astype(float).abs()
    columns = ["indicator", "forceValue", "comparatorValue", "difference", "unit"]
    print(frame.sort_values("gap", ascending=False)[columns].head(10).to_string(index=False))
else:
    rows = sorted(result.rows, key=lambda r: -abs(float(r["difference"])))
    for r in rows[:10]:
        print(f"{r['difference']:>8}  {r['indicator']} ({r['unit']})")
