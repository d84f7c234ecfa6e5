"""Gradient clipping by global norm, as torch.nn.utils.clip_grad_norm_."""

import numpy as np


def global_norm(grads):
    """The 2-norm of all gradients together (grads: list of dicts of arrays)."""
    flat = np.concatenate([g.ravel() for layer in grads for g in layer.values()])
    with np.errstate(over="ignore", invalid="ignore"):
        return float(np.sqrt(np.dot(flat, flat)))


def clip_grad_norm(grads, max_norm):
    """Scale grads in place so their global norm is at most max_norm.

    As PyTorch: coef = max_norm / (norm + 1e-6), applied only when below 1.
    Returns the norm before clipping (inf/NaN pass through unclipped).
    """
    norm = global_norm(grads)
    coef = max_norm / (norm + 1e-6)
    if coef < 1.0:
        for layer in grads:
            for g in layer.values():
                g *= coef
    return norm
