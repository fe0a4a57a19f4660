"""``python -m peelgraph``: the same as the ``peelgraph`` command."""

from .cli import main

main()
