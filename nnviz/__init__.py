"""nnviz: see backpropagation.

The package is layered so that every layer can be tested alone:
``engine`` (numpy only) computes and records, ``data`` makes data sets,
``session`` owns one experiment, ``export`` writes it out without Qt,
``ui`` holds the passive Qt views and the one binding that draws a session
into them (on screen or offscreen), ``app`` is the window and its dialogs,
``cli`` the ``nnviz`` command.  Dependencies point one way, checked by the
import contract in pyproject.toml: cli -> app -> ui -> export -> session ->
data -> engine.
"""

__version__ = "0.1.0"
