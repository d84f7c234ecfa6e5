"""Optimizers with torch.optim's update rules, defaults and keyword names.

Each optimizer updates ``net.params`` in place from a list of gradient dicts
(as returned by ``Network.backward``). All parameters are treated as one flat
vector: every rule here is elementwise, so updating the concatenation is the
same as updating each tensor, and it costs a handful of numpy calls instead
of a dozen per parameter (the dominant cost on playground-size nets). A
``Network`` keeps its parameters as views of one vector (``net.flat``) so the
update lands in place; any other object with ``params`` gets the update
scattered back.

State (moment vectors, step count) is copyable and restorable exactly
(``state_dict``/``load_state_dict``) for the session's rewind. ``lr`` is a
plain attribute: the session sets it before a step to apply a schedule.
"""

import copy
import math

import numpy as np


class Optimizer:
    """Base class: gathers gradients into one vector; subclasses define ``_update``."""

    name = "optimizer"
    defaults: dict = {}

    def __init__(self, net, **kwargs):
        unknown = sorted(set(kwargs) - set(self.defaults))
        if unknown:
            raise ValueError(f"{self.name}: unknown option {unknown[0]!r}; "
                             f"allowed: {', '.join(sorted(self.defaults))}")
        self.hyper = {**self.defaults, **kwargs}
        self._check()
        self.net = net
        self.t = 0
        self.state = {}
        self.keys = [(i, key) for i, layer in enumerate(net.params) for key in layer]
        sizes = [net.params[i][key].size for i, key in self.keys]
        self.offsets = np.concatenate([[0], np.cumsum(sizes)]).astype(int)
        # Reused buffers: on large nets a fresh temporary per operation costs
        # more than the arithmetic (allocations above ~128 KB go to mmap).
        dtype = net.params[0]["W"].dtype if net.params else np.float64
        self._grad = np.empty(int(self.offsets[-1]), dtype)
        self._shared_flat = None
        self._tmp = np.empty_like(self._grad)

    def _check(self):
        for key, value in self.hyper.items():
            if key == "betas":
                if len(value) != 2 or not all(0.0 <= b < 1.0 for b in value):
                    raise ValueError(f"{self.name}.betas: each must be in [0, 1), got {value!r}")
            elif isinstance(value, bool):
                continue
            elif not (isinstance(value, (int, float)) and math.isfinite(value) and value >= 0):
                raise ValueError(f"{self.name}.{key}: must be a finite number >= 0, got {value!r}")

    @property
    def lr(self):
        return self.hyper["lr"]

    @lr.setter
    def lr(self, value):
        self.hyper["lr"] = float(value)

    def _flat_params(self):
        if hasattr(self.net, "sync_params"):
            self.net.sync_params()
        flat = getattr(self.net, "flat", None)
        if flat is not None and flat is self._shared_flat:
            return flat, True
        if flat is not None and self.keys and np.shares_memory(self.net.params[0]["W"], flat):
            # After sync_params a Network's parameters are always views of its flat vector:
            # checked once per vector (shares_memory costs as much as a small update).
            if hasattr(self.net, "sync_params"):
                self._shared_flat = flat
            return flat, True
        return np.concatenate([self.net.params[i][k].ravel() for i, k in self.keys]), False

    def step(self, grads, flat=None):
        """Apply one update to every parameter from ``grads`` (list of dicts).

        flat: optionally the same gradients already gathered into one vector in
        ``net.params`` order (as the session gathers them for its statistics);
        the gather is then skipped. It is read, never modified.
        """
        self.t += 1
        g = self._grad
        if flat is not None:
            g = flat
        elif self.keys:
            np.concatenate([grads[i][k].ravel() for i, k in self.keys], out=g)
        p, in_place = self._flat_params()
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            self._update(p, g, self.state)
        if not in_place:
            for (i, k), lo, hi in zip(self.keys, self.offsets[:-1], self.offsets[1:]):
                self.net.params[i][k][...] = p[lo:hi].reshape(self.net.params[i][k].shape)

    def _update(self, p, g, s):
        raise NotImplementedError

    def param_state(self, layer, key):
        """This parameter's slice of every state vector, shaped like it (the inspector's view)."""
        idx = self.keys.index((layer, key))
        lo, hi = self.offsets[idx], self.offsets[idx + 1]
        shape = self.net.params[layer][key].shape
        return {name: v[lo:hi].reshape(shape) for name, v in self.state.items() if isinstance(v, np.ndarray)}

    def state_dict(self):
        return {"name": self.name, "hyper": copy.deepcopy(self.hyper), "t": self.t,
                "state": copy.deepcopy(self.state)}

    def load_state_dict(self, saved):
        if saved["name"] != self.name:
            raise ValueError(f"optimizer state is for {saved['name']!r}, not {self.name!r}")
        self.hyper = copy.deepcopy(saved["hyper"])
        self.t = saved["t"]
        self.state = copy.deepcopy(saved["state"])


class SGD(Optimizer):
    """torch.optim.SGD: buf = momentum*buf + (1-dampening)*g (buf = g at the first step)."""

    name = "sgd"
    defaults = {"lr": 0.01, "momentum": 0.0, "dampening": 0.0, "nesterov": False, "weight_decay": 0.0}

    def _check(self):
        super()._check()
        h = self.hyper
        if h["nesterov"] and (h["momentum"] <= 0 or h["dampening"] != 0):
            raise ValueError("sgd.nesterov: needs momentum > 0 and dampening 0")

    def _update(self, p, g, s):
        h = self.hyper
        if h["weight_decay"]:
            g = g + h["weight_decay"] * p
        if h["momentum"]:
            if "momentum_buffer" not in s:
                s["momentum_buffer"] = g.copy()
            else:
                s["momentum_buffer"] *= h["momentum"]
                s["momentum_buffer"] += (1.0 - h["dampening"]) * g
            buf = s["momentum_buffer"]
            g = g + h["momentum"] * buf if h["nesterov"] else buf
        p -= np.multiply(g, h["lr"], out=self._tmp)


class Adagrad(Optimizer):
    """torch.optim.Adagrad: sum += g^2; p -= clr * g / (sqrt(sum) + eps)."""

    name = "adagrad"
    defaults = {"lr": 0.01, "lr_decay": 0.0, "weight_decay": 0.0,
                "initial_accumulator_value": 0.0, "eps": 1e-10}

    def _update(self, p, g, s):
        h = self.hyper
        if "sum" not in s:
            s["sum"] = np.full_like(p, h["initial_accumulator_value"])
        if h["weight_decay"]:
            g = g + h["weight_decay"] * p
        clr = h["lr"] / (1.0 + (self.t - 1) * h["lr_decay"])
        s["sum"] += g * g
        p -= clr * g / (np.sqrt(s["sum"]) + h["eps"])


class RMSprop(Optimizer):
    """torch.optim.RMSprop, including momentum and the centered variant."""

    name = "rmsprop"
    defaults = {"lr": 0.01, "alpha": 0.99, "eps": 1e-8, "weight_decay": 0.0,
                "momentum": 0.0, "centered": False}

    def _update(self, p, g, s):
        h = self.hyper
        if h["weight_decay"]:
            g = g + h["weight_decay"] * p
        if "square_avg" not in s:
            s["square_avg"] = np.zeros_like(p)
        s["square_avg"] *= h["alpha"]
        s["square_avg"] += (1.0 - h["alpha"]) * g * g
        if h["centered"]:
            if "grad_avg" not in s:
                s["grad_avg"] = np.zeros_like(p)
            s["grad_avg"] *= h["alpha"]
            s["grad_avg"] += (1.0 - h["alpha"]) * g
            avg = np.sqrt(s["square_avg"] - s["grad_avg"] * s["grad_avg"]) + h["eps"]
        else:
            avg = np.sqrt(s["square_avg"]) + h["eps"]
        if h["momentum"] > 0:
            if "momentum_buffer" not in s:
                s["momentum_buffer"] = np.zeros_like(p)
            s["momentum_buffer"] *= h["momentum"]
            s["momentum_buffer"] += g / avg
            p -= h["lr"] * s["momentum_buffer"]
        else:
            p -= h["lr"] * g / avg


class Adam(Optimizer):
    """torch.optim.Adam: bias-corrected moments; weight_decay is an L2 term added to g."""

    name = "adam"
    defaults = {"lr": 1e-3, "betas": (0.9, 0.999), "eps": 1e-8, "weight_decay": 0.0, "amsgrad": False}
    decoupled = False

    def _update(self, p, g, s):
        h = self.hyper
        beta1, beta2 = h["betas"]
        if h["weight_decay"]:
            if self.decoupled:
                p *= 1.0 - h["lr"] * h["weight_decay"]
            else:
                g = g + h["weight_decay"] * p
        if "exp_avg" not in s:
            s["exp_avg"], s["exp_avg_sq"] = np.zeros_like(p), np.zeros_like(p)
            if h["amsgrad"]:
                s["max_exp_avg_sq"] = np.zeros_like(p)
        tmp = self._tmp
        s["exp_avg"] *= beta1
        s["exp_avg"] += np.multiply(g, 1.0 - beta1, out=tmp)
        s["exp_avg_sq"] *= beta2
        np.multiply(g, g, out=tmp)
        tmp *= 1.0 - beta2
        s["exp_avg_sq"] += tmp
        second = s["exp_avg_sq"]
        if h["amsgrad"]:
            np.maximum(s["max_exp_avg_sq"], second, out=s["max_exp_avg_sq"])
            second = s["max_exp_avg_sq"]
        bias1 = 1.0 - beta1 ** self.t
        bias2_sqrt = math.sqrt(1.0 - beta2 ** self.t)
        denom = np.sqrt(second, out=tmp)                 # sqrt(v) / sqrt(1 - beta2^t) + eps
        denom /= bias2_sqrt
        denom += h["eps"]
        step = np.divide(s["exp_avg"], denom, out=tmp)
        step *= h["lr"] / bias1
        p -= step


class AdamW(Adam):
    """torch.optim.AdamW: Adam with decoupled weight decay p *= 1 - lr * wd (default 0.01)."""

    name = "adamw"
    defaults = {**Adam.defaults, "weight_decay": 0.01}
    decoupled = True


class NAdam(Optimizer):
    """torch.optim.NAdam: Adam with Nesterov momentum and the momentum-decay schedule."""

    name = "nadam"
    defaults = {"lr": 2e-3, "betas": (0.9, 0.999), "eps": 1e-8, "weight_decay": 0.0,
                "momentum_decay": 4e-3}

    def _update(self, p, g, s):
        h = self.hyper
        beta1, beta2 = h["betas"]
        t = self.t
        if h["weight_decay"]:
            g = g + h["weight_decay"] * p
        if "exp_avg" not in s:
            s["exp_avg"], s["exp_avg_sq"] = np.zeros_like(p), np.zeros_like(p)
            s["mu_product"] = 1.0
        mu = beta1 * (1.0 - 0.5 * 0.96 ** (t * h["momentum_decay"]))
        mu_next = beta1 * (1.0 - 0.5 * 0.96 ** ((t + 1) * h["momentum_decay"]))
        s["mu_product"] *= mu
        s["exp_avg"] *= beta1
        s["exp_avg"] += (1.0 - beta1) * g
        s["exp_avg_sq"] *= beta2
        s["exp_avg_sq"] += (1.0 - beta2) * g * g
        denom = np.sqrt(s["exp_avg_sq"] / (1.0 - beta2 ** t)) + h["eps"]
        mu_product_next = s["mu_product"] * mu_next
        p -= h["lr"] * (1.0 - mu) / (1.0 - s["mu_product"]) * g / denom
        p -= h["lr"] * mu_next / (1.0 - mu_product_next) * s["exp_avg"] / denom


OPTIMIZERS = {cls.name: cls for cls in (SGD, Adagrad, RMSprop, Adam, AdamW, NAdam)}


def make_optimizer(name, net, **kwargs):
    """Build the named optimizer for ``net`` with torch-style keyword options."""
    if name not in OPTIMIZERS:
        raise ValueError(f"optimizer: {name!r} is not one of {', '.join(OPTIMIZERS)}")
    return OPTIMIZERS[name](net, **kwargs)
