"""What is wrong with a saved PyTorch ``state_dict`` (nnviz.torch.state_file), as templates a user reads.

They are declared here, without torch, so that the translation tool collects
them whether or not torch is installed; the file's reader raises them as
:class:`~nnviz.session.file_errors.ExperimentFileError` (``name: field: reason``),
English in ``str(err)`` and translated in the window.
"""

from nnviz.data.messages import template

_C = "ModelFile"
PICKLED = template(_C, "not a state_dict but pickled Python objects (a whole module?); loading it would run code "
                       "from the file. Save model.state_dict() instead")
NOT_PYTORCH = template(_C, "not a PyTorch file: {error}")
UNREADABLE = template(_C, "cannot be read as a PyTorch file: {error}")
NOT_STATE_DICT = template(_C, "holds a {type}, not a state_dict (a mapping of parameter names to tensors)")
NOT_TENSOR = template(_C, "is not a tensor: a state_dict maps names to tensors")
LONE_BATCH_NORM = template(_C, "batch-norm statistics that do not follow a Linear")
WRONG_INPUTS = template(_C, "takes {inputs} inputs after a layer of {outputs}")
UNKNOWN_LAYER = template(_C, "tensors {names} are not those of a Linear, BatchNorm1d or PReLU")
NO_LINEAR = template(_C, "has no Linear weights (2-D 'weight' tensors)")
ACTIVATION_COUNT = template(_C, "has {linears} Linear layers; --activations names {count} ({names}): "
                                "give one per Linear")
NOT_OF_LAYER = template(_C, "is not a tensor of such a layer")
WRONG_SHAPE = template(_C, "has shape {shape}, expected {expected}")
MORE_LINEARS = template(_C, "has more Linear layers than the {count} activations given")
UNKNOWN_ACTIVATION = template(_C, "activation {name} is not one of {names}")
PRELU_THERE = template(_C, "Linear {linear}: activation {name}, but the file has PReLU slopes there")
NO_PRELU = template(_C, "Linear {linear}: activation {name}, but the file has no PReLU slopes")
