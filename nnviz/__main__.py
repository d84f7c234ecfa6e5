"""``python -m nnviz``: the same as the ``nnviz`` command."""

from nnviz.cli import main

raise SystemExit(main())
