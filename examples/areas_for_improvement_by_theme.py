"""Areas for improvement of one theme across every force in a built graph.

    peelgraph build data/reports -o build/peel.trig --overwrite
    python examples/areas_for_improvement_by_theme.py [GRAPH] [THEME]

THEME is a slug of the theme scheme, e.g. workload-and-capacity (the default),
digital-evidence, partnership-working.
"""

import sys

from peelgraph import open_graph

graph = sys.argv[1] if len(sys.argv) > 1 else "build/peel.trig"
theme = sys.argv[2] if len(sys.argv) > 2 else "workload-and-capacity"

kg = open_graph(graph)
result = kg.run("select_afis_by_question", theme=theme)
print(f"{len(result.rows)} area(s) for improvement about {theme}:\n")
for row in result.rows:
    print(f"- {row['force']} {row['year']}, {row['code']}: {row['text']}")
