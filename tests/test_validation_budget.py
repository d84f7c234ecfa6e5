"""The parameter budget: a network too large to teach with is refused, with the limit, before any allocation."""

import tracemalloc

import pytest

from nnviz.engine import Network
from nnviz.engine.spec import MAX_PARAMETERS, count_parameters, validate_spec
from nnviz.session import Session

HUGE = {"input_size": 2, "layers": [{"size": 4096, "activation": "relu"}] * 16 + [{"size": 1}]}


def test_sixteen_layers_of_4096_are_refused_without_allocating():
    tracemalloc.start()
    try:
        with pytest.raises(ValueError, match=r"^layers: the network would have 251,7\d\d,\d\d\d parameters; "
                                             r"the limit is 1,000,000"):
            Network.from_spec(HUGE)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2**20                  # one copy of the weights alone would be 2 GB


def test_the_budget_counts_every_parameter_the_network_has():
    spec = validate_spec({"input_size": 3, "layers": [
        {"size": 5, "activation": "prelu"}, {"size": 4, "batch_norm": True}, {"size": 2}]})
    net = Network.from_spec(spec)
    assert count_parameters(3, spec["layers"]) == net.flat.size == (3 * 5 + 5 + 5) + (5 * 4 + 2 * 4) + (4 * 2 + 2)


def test_a_network_at_the_limit_is_allowed_and_one_more_is_not():
    within = [{"size": 997}, {"size": 997}, {"size": 1}]      # 2 -> 997 -> 997 -> 1: 998 995 parameters
    over = [{"size": 998}, {"size": 998}, {"size": 1}]        # 1 000 995
    assert count_parameters(2, within) <= MAX_PARAMETERS < count_parameters(2, over)
    validate_spec({"input_size": 2, "layers": within})
    with pytest.raises(ValueError, match="1,000,995 parameters; the limit is 1,000,000"):
        validate_spec({"input_size": 2, "layers": over})


def test_a_session_names_the_config_field():
    with pytest.raises(ValueError, match=r"^config\.hidden: the network would have .* the limit is 1,000,000"):
        Session({"hidden": [{"size": 4096}] * 2})
