"""nnviz: see backpropagation.

The package is layered so that every layer can be tested alone:
``engine`` (numpy only) computes and records, ``data`` makes data sets,
``session`` owns one experiment, ``ui`` draws it, ``export`` and ``cli``
render it without a screen. Dependencies point one way: ui -> session ->
engine/data.
"""

__version__ = "0.1.0"
