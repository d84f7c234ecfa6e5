"""Batch normalisation over the batch axis, as torch.nn.BatchNorm1d.

Training uses the batch mean and the biased batch variance, and moves the
running statistics with momentum 0.1, the running variance with the
*unbiased* batch variance (PyTorch's convention). Evaluation uses the running
statistics. gamma starts at 1 and beta at 0; a batch-norm layer has no bias
because beta plays its role.
"""

import numpy as np

EPS = 1e-5
MOMENTUM = 0.1


def bn_forward(z, gamma, beta, buffers, training, update_buffers=True):
    """Return (xhat, u, mean, var, inv_std). z: (batch, fan_out)."""
    if training:
        batch = z.shape[0]
        if batch < 2:
            raise ValueError("batch norm needs a batch of at least 2 samples in training (as in PyTorch)")
        mean = z.mean(axis=0)
        centered = z - mean
        var = (centered * centered).mean(axis=0)
        if update_buffers:
            buffers["running_mean"] *= 1.0 - MOMENTUM
            buffers["running_mean"] += MOMENTUM * mean
            buffers["running_var"] *= 1.0 - MOMENTUM
            buffers["running_var"] += MOMENTUM * var * (batch / (batch - 1))
    else:
        mean = buffers["running_mean"].copy()
        var = buffers["running_var"].copy()
        centered = z - mean
    inv_std = 1.0 / np.sqrt(var + EPS)
    xhat = centered * inv_std
    return xhat, gamma * xhat + beta, mean, var, inv_std


def bn_backward(grad_u, xhat, gamma, inv_std, training):
    """Return (grad_z, grad_gamma, grad_beta) given grad_u = dL/du."""
    grad_gamma = (grad_u * xhat).sum(axis=0)
    grad_beta = grad_u.sum(axis=0)
    grad_xhat = grad_u * gamma
    if not training:
        return grad_xhat * inv_std, grad_gamma, grad_beta
    batch = grad_u.shape[0]
    grad_z = (inv_std / batch) * (
        batch * grad_xhat - grad_xhat.sum(axis=0) - xhat * (grad_xhat * xhat).sum(axis=0)
    )
    return grad_z, grad_gamma, grad_beta
