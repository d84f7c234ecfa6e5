"""Passive plot views (pyqtgraph): loss curves, gradient norms and distributions, data and boundaries."""
