"""``python -m nnviz.cli``: the same as the ``nnviz`` command."""

from nnviz.cli import main

raise SystemExit(main())
