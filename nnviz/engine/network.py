"""The multilayer perceptron: parameters, a recording forward pass, and backward.

Per layer, in order (DESIGN section 1):
``z = inp @ W (+ b)``; with batch norm ``xhat = (z - mean) / sqrt(var + eps)``,
``u = gamma * xhat + beta``, else ``u = z``; ``act = f(u)``; in training with
dropout p > 0 ``a = act * mask / (1 - p)``, else ``a = act``; with a residual
connection ``a = a + inp``. Backward walks the same steps in reverse, each rule
written next to the forward step it undoes.

NaN and inf are passed through untouched: the session detects divergence and
reports it; the engine neither raises nor clips.
"""

import copy

import numpy as np

from .activations import ACTIVATIONS, PRELU_INIT, prelu_alpha_grad
from .batchnorm import bn_backward, bn_forward
from .initializers import init_weights
from .losses import loss_and_grad, output_grad
from .penalty import penalty_grad, penalty_value
from .spec import validate_spec
from .trace import LayerTrace, Trace


class Network:
    """A recording MLP built from a validated spec.

    params: list (one dict per layer) of live arrays: "W" (fan_in, fan_out);
        "b" (fan_out,) unless batch norm; "gamma", "beta" with batch norm;
        "alpha" (fan_out,) for prelu.
    buffers: list of dicts, "running_mean"/"running_var" with batch norm, else {}.
    rng: the generator that draws dropout masks (seeded from the spec's seed).
    """

    def __init__(self, spec):
        self.spec = validate_spec(spec)
        self.dtype = np.dtype(self.spec["dtype"])
        self.layers = self.spec["layers"]
        self.sizes = [self.spec["input_size"]] + [layer["size"] for layer in self.layers]
        init_rng = np.random.default_rng(self.spec["seed"])
        self.params = [self._init_layer(init_rng, i) for i in range(len(self.layers))]
        self.flat = self._flatten(self.params)
        self._slices = {}
        self._keys = [(i, key) for i, layer in enumerate(self.params) for key in layer]
        self._views = [self.params[i][key] for i, key in self._keys]
        # per layer (key, start, stop, shape) of each parameter in ``flat``: backward writes there
        self._grad_views = [[(key, self.flat_slice(i, key).start, self.flat_slice(i, key).stop, p.shape)
                             for key, p in layer.items()] for i, layer in enumerate(self.params)]
        self.buffers = [self._init_buffers(layer) for layer in self.layers]
        # Dropout draws from its own stream so changing the dropout rate never
        # changes the initial weights.
        self.rng = np.random.default_rng([self.spec["seed"], 1])
        # Neurons switched off by hand (the manual cousin of dropout): per layer
        # None, or a 0/1 vector of shape (fan_out,) multiplying the layer's output.
        self.keep = [None] * len(self.layers)

    @classmethod
    def from_spec(cls, spec):
        """Validate ``spec`` and build the network (ValueError names a bad field)."""
        return cls(spec)

    def _init_layer(self, rng, i):
        layer = self.layers[i]
        fan_in, fan_out = self.sizes[i], self.sizes[i + 1]
        W = init_weights(self.spec["init"], rng, fan_in, fan_out, self.spec["init_gain"], self.dtype)
        params = {"W": W}
        if layer["batch_norm"]:
            params["gamma"] = np.ones(fan_out, self.dtype)
            params["beta"] = np.zeros(fan_out, self.dtype)
        else:
            params["b"] = np.zeros(fan_out, self.dtype)
        if layer["activation"] == "prelu":
            params["alpha"] = np.full(fan_out, PRELU_INIT, self.dtype)
        return params

    @staticmethod
    def _flatten(params):
        """Move every parameter into one contiguous vector and make the dicts hold views of it.

        The optimizer then updates all parameters with a handful of vector
        operations instead of a dozen per parameter: on a playground-size net
        Python overhead per numpy call, not arithmetic, is the cost.
        """
        flat = np.concatenate([p.ravel() for layer in params for p in layer.values()])
        offset = 0
        for layer in params:
            for key, p in layer.items():
                layer[key] = flat[offset:offset + p.size].reshape(p.shape)
                offset += p.size
        return flat

    def sync_params(self):
        """Adopt parameter arrays that were replaced rather than written in place.

        ``net.params[i]["W"] = new_array`` is a natural thing to write (e.g.
        to load weights); the new values are copied into the flat vector and
        the dict points at its view again, so the optimizer and snapshots see
        them. A cheap identity check when nothing was replaced.
        """
        for (i, key), view in zip(self._keys, self._views):
            current = self.params[i][key]
            if current is not view:
                current = np.asarray(current, dtype=self.dtype)
                if current.shape != view.shape:
                    raise ValueError(f"params[{i}][{key!r}] must have shape {view.shape}, got {current.shape}")
                view[...] = current
                self.params[i][key] = view

    def flat_slice(self, layer, key):
        """Where params[layer][key] lives in ``flat`` (for diffs of whole-vector snapshots)."""
        cache = self._slices
        if (layer, key) not in cache:
            p = self.params[layer][key]
            start = (p.__array_interface__["data"][0] - self.flat.__array_interface__["data"][0]) // p.itemsize
            cache[layer, key] = slice(start, start + p.size)
        return cache[layer, key]

    def _init_buffers(self, layer):
        if not layer["batch_norm"]:
            return {}
        return {"running_mean": np.zeros(layer["size"], self.dtype),
                "running_var": np.ones(layer["size"], self.dtype)}

    # ----------------------------------------------------------------- forward
    def forward(self, X, training=True, masks=None, update_buffers=True):
        """Run and record a forward pass.

        X: (batch, input_size). training: dropout masks and batch statistics
        (and running-statistics updates) happen only when True. masks: optional
        list, one per layer, of fixed 0/1 dropout masks (None entries draw from
        ``rng``); gradient checks pass the masks of the pass they check.
        update_buffers: False leaves batch-norm running statistics untouched.
        """
        self.sync_params()
        X = np.asarray(X, dtype=self.dtype)
        if X.ndim != 2 or X.shape[1] != self.sizes[0]:
            raise ValueError(f"X must have shape (batch, {self.sizes[0]}), got {X.shape}")
        trace = Trace(X=X, training=training)
        a = X
        layers, params, buffers, keep = trace.layers, self.params, self.buffers, self.keep
        with np.errstate(over="ignore", invalid="ignore"):
            for i in range(len(self.layers)):
                mask = masks[i] if masks is not None else None
                lt = self._layer(i, a, params[i], buffers[i], keep[i], training, mask, update_buffers)
                layers.append(lt)
                a = lt.a
        return trace

    def forward_layer(self, i, inp, training=True, mask=None, update_buffers=True):
        """One layer's forward step, returning its LayerTrace. inp: (batch, fan_in).

        Callers silence overflow warnings (``forward`` does): a diverging run
        overflows on purpose and the session reports it.
        """
        return self._layer(i, inp, self.params[i], self.buffers[i], self.keep[i], training, mask, update_buffers)

    def _layer(self, i, inp, p, buffers, keep, training, mask, update_buffers, work=None):
        """One layer. work: None, or a dict that keeps z and act between calls (written in place)."""
        layer = self.layers[i]
        W = p["W"]
        if work is None:
            z = inp @ W
        else:
            z = np.matmul(inp, W, out=_reused(work, "z", np.broadcast_shapes(inp.shape[:-2], W.shape[:-2])
                                              + (inp.shape[-2], W.shape[-1]), self.dtype))
        if "b" in p:
            z += p["b"]
        xhat = mean = var = inv_std = None
        if layer["batch_norm"]:
            xhat, u, mean, var, inv_std = bn_forward(z, p["gamma"], p["beta"], buffers, training, update_buffers)
        else:
            u = z
        f = ACTIVATIONS[layer["activation"]][0]
        if work is None:
            act = f(u, p.get("alpha"))
        else:
            act = f(u, p.get("alpha"), out=_reused(work, "act", u.shape, self.dtype))
        a, used_mask = act, None
        rate = layer["dropout"]
        if training and rate > 0.0:
            used_mask = mask if mask is not None else self._draw_mask(act.shape, rate)
            a = act * used_mask / (1.0 - rate)
        if keep is not None:                              # neurons switched off output 0
            a = a * keep
        if layer["residual"]:
            a = a + inp
        return LayerTrace(inp=inp, z=z, xhat=xhat, u=u, act=act, dropout_mask=used_mask, a=a,
                          mean=mean, var=var, inv_std=inv_std)

    def forward_many(self, X, flats, buffers=None, keep=None, work=None):
        """Evaluation-mode forward of X under S parameter vectors at once.

        flats: (S, P) parameter vectors laid out as ``flat``; buffers: per layer
        a dict of (S, fan_out) running statistics (None: the live ones); keep:
        per layer the switched-off mask or None (default: the live ``keep``).
        Returns a Trace whose arrays are (S, n, width): slice s is the forward
        pass of X with ``flat = flats[s]``. Evaluation mode lets rows and
        parameter sets pass independently, so the session scores many steps'
        weights in one pass: the Python cost per layer is paid once, not S times.

        work: optionally a dict owned by the caller in which each layer's z and
        act are kept and reused by the next call (whose trace overwrites
        them). Such passes allocate hundreds of kilobytes per layer, and
        fresh arrays of that size cost more here than the arithmetic
        (DESIGN section 5); the numbers are the same.
        """
        flats = np.asarray(flats, dtype=self.dtype)
        X = np.asarray(X, dtype=self.dtype)
        S = len(flats)
        keep = self.keep if keep is None else keep
        trace = Trace(X=X, training=False)
        a = X
        with np.errstate(over="ignore", invalid="ignore"):
            for i in range(len(self.layers)):
                p = {}
                for key, live in self.params[i].items():
                    column = flats[:, self.flat_slice(i, key)]
                    p[key] = column.reshape((S,) + live.shape if live.ndim == 2 else (S, 1, live.size))
                if buffers is None:
                    stats = {k: v[None, None, :] for k, v in self.buffers[i].items()}
                else:
                    stats = {k: v[:, None, :] for k, v in buffers[i].items()}
                layer_work = None if work is None else work.setdefault(i, {})
                trace.layers.append(self._layer(i, a, p, stats, keep[i], False, None, False, layer_work))
                a = trace.layers[-1].a
        return trace

    def _draw_mask(self, shape, rate):
        return (self.rng.random(shape) >= rate).astype(self.dtype)

    # ----------------------------------------------------------------- loss
    def loss_terms(self, trace, y):
        """Return (data_loss, penalty, dL/du of the output layer) for targets y."""
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            return self._loss_terms(trace, self._targets(y, trace.output.shape))

    def _loss_terms(self, trace, y):
        out = trace.layers[-1]
        data_loss, grad_u = loss_and_grad(self.spec["loss"], out.u, out.act, y,
                                          self.layers[-1]["activation"], self.params[-1].get("alpha"))
        reg = self.spec["regularization"]
        penalty = 0.0
        if reg["kind"] != "none" and reg["rate"] != 0.0:
            penalty = penalty_value(reg["kind"], reg["rate"], [p["W"] for p in self.params])
        return float(data_loss), penalty, grad_u

    def _targets(self, y, out_shape):
        y = np.asarray(y)
        if self.spec["loss"] == "cross_entropy":
            if y.shape != (out_shape[0],) or not np.issubdtype(y.dtype, np.integer):
                raise ValueError(f"cross_entropy needs integer labels of shape ({out_shape[0]},), got {y.dtype} {y.shape}")
            if y.size and (y.min() < 0 or y.max() >= out_shape[1]):
                raise ValueError(f"labels must be in 0..{out_shape[1] - 1}")
            return y
        y = np.asarray(y, dtype=self.dtype)
        if y.ndim == 1 and out_shape[1] == 1:
            y = y[:, None]
        if y.shape != out_shape:
            raise ValueError(f"{self.spec['loss']} needs targets of shape {out_shape}, got {y.shape}")
        return y

    # ----------------------------------------------------------------- backward
    def backward(self, trace, y, layers_down_to=0):
        """Backpropagate the loss of ``trace`` against targets ``y``.

        Sets trace.loss (data loss + penalty), trace.data_loss, trace.penalty
        and each layer's grad_a, grad_u, grad_z; returns a list of gradient
        dicts with exactly the keys of ``params``. ``layers_down_to`` stops the
        walk early (the stepper's backward(layer k) phase); the returned list
        then holds None for layers not yet reached.

        The gradients are written into one new vector laid out as ``flat``
        (the dicts hold views of it), kept as ``trace.grads_flat`` after a
        full walk: norms and the optimizer then read all gradients at once
        instead of gathering them. A new vector per call, so the gradients
        of an earlier pass are never overwritten.
        """
        y = self._targets(y, trace.output.shape)
        grads = [None] * len(self.layers)
        grads_flat = np.empty(self.flat.size, self.dtype)
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            data_loss, penalty, grad_u = self._loss_terms(trace, y)
            trace.data_loss, trace.penalty, trace.loss = data_loss, penalty, data_loss + penalty
            trace.y = y
            out = trace.layers[-1]
            out.grad_a = output_grad(self.spec["loss"], out.act, y)
            for i in range(len(self.layers) - 1, layers_down_to - 1, -1):
                grads[i], grad_inp = self.backward_layer(i, trace.layers[i], trace.training, grad_u,
                                                         input_grad=i > 0, out=grads_flat)
                grad_u = None
                if i > 0:
                    trace.layers[i - 1].grad_a = grad_inp
        trace.grads_flat = grads_flat if layers_down_to <= 0 else None
        return grads

    def backward_layer(self, i, lt, training, grad_u=None, input_grad=True, out=None):
        """One layer's backward step. Uses lt.grad_a unless grad_u is given
        (the output layer, whose dL/du comes straight from the loss).
        Returns (param grads dict, dL/dinp); dL/dinp is None with
        input_grad=False (the first layer: nothing below needs it).
        out: a vector laid out as ``flat`` that the gradients are written
        into (the dict holds views of it); a new one when None.
        Callers silence overflow warnings."""
        layer, p = self.layers[i], self.params[i]
        if out is None:
            out = np.empty(self.flat.size, self.dtype)
        grads = {key: out[start:stop].reshape(shape) for key, start, stop, shape in self._grad_views[i]}
        if grad_u is None:
            grad_act = lt.grad_a
            if self.keep[i] is not None:                    # a = ... * keep
                grad_act = grad_act * self.keep[i]
            if lt.dropout_mask is not None:                 # a = act * mask / (1 - p)
                grad_act = grad_act * lt.dropout_mask / (1.0 - layer["dropout"])
            grad_u = ACTIVATIONS[layer["activation"]][1](grad_act, lt.u, lt.act, p.get("alpha"))
        else:
            grad_act = lt.grad_a                            # the output layer: dL/du from the loss
        if "alpha" in p:                                    # act = max(0, u) + alpha * min(0, u)
            grads["alpha"][...] = prelu_alpha_grad(grad_act, lt.u)
        lt.grad_u = grad_u
        if layer["batch_norm"]:                             # u = gamma * xhat + beta
            grad_z, grad_gamma, grad_beta = bn_backward(grad_u, lt.xhat, p["gamma"], lt.inv_std, training)
            grads["gamma"][...], grads["beta"][...] = grad_gamma, grad_beta
        else:                                               # z = inp @ W + b
            grad_z = grad_u
            np.add.reduce(grad_z, axis=0, out=grads["b"])
        lt.grad_z = grad_z
        np.matmul(lt.inp.T, grad_z, out=grads["W"])
        reg = self.spec["regularization"]
        if reg["kind"] != "none" and reg["rate"] != 0.0:
            grads["W"] += penalty_grad(reg["kind"], reg["rate"], p["W"])
        if not input_grad:
            return grads, None
        grad_inp = grad_z @ p["W"].T
        if layer["residual"]:                               # a = ... + inp
            grad_inp += lt.grad_a
        return grads, grad_inp

    # ----------------------------------------------------------------- helpers
    def predict(self, X):
        """Output in evaluation mode (no dropout, running BN statistics)."""
        return self.forward(X, training=False).output

    def loss(self, X, y, training=False, masks=None):
        """Total loss (data + penalty) of one forward pass, without touching buffers."""
        trace = self.forward(X, training=training, masks=masks, update_buffers=False)
        data_loss, penalty, _ = self.loss_terms(trace, y)
        return data_loss + penalty

    @property
    def n_layers(self):
        return len(self.layers)

    def set_disabled(self, layer, indices):
        """Switch off the given neurons of a hidden layer (0-based); an empty list re-enables all."""
        if not 0 <= layer < len(self.layers) - 1:
            raise ValueError(f"layer {layer}: only hidden layers' neurons can be switched off")
        size = self.sizes[layer + 1]
        if any(not 0 <= j < size for j in indices):
            raise ValueError(f"layer {layer} has neurons 0..{size - 1}")
        if not indices:
            self.keep[layer] = None
            return
        keep = np.ones(size, self.dtype)
        keep[list(indices)] = 0.0
        self.keep[layer] = keep

    def state_dict(self):
        """Deep copies of params, buffers and the dropout RNG state (for rewind)."""
        return {"params": copy.deepcopy(self.params), "buffers": copy.deepcopy(self.buffers),
                "rng": copy.deepcopy(self.rng.bit_generator.state)}

    def load_state_dict(self, state):
        """Restore a state_dict in place (arrays keep their identity)."""
        for live, saved in zip(self.params + self.buffers, state["params"] + state["buffers"]):
            for key, value in saved.items():
                live[key][...] = value
        self.rng.bit_generator.state = copy.deepcopy(state["rng"])


def _reused(work, key, shape, dtype):
    """An array of ``shape`` kept in ``work[key]``: the leading rows of the kept one when it is large enough
    (a shorter last batch reuses it too), else a new one kept for next time. Contents are not cleared."""
    kept = work.get(key)
    if kept is None or kept.shape[1:] != shape[1:] or len(kept) < shape[0] or kept.dtype != dtype:
        kept = work[key] = np.empty(shape, dtype)
    return kept[:shape[0]]
