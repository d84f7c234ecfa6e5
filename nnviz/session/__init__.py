"""The training session: stepper, rewind, metrics, gradient health, files, lessons.

Plain Python over the engine and the data package: no Qt here, so every user
action can be tested headless and driven from the command line.
"""

from .config import DEFAULT_CONFIG, HEALTH_DEFAULTS, validate_config
from .lessons import LESSONS, Lesson
from .phases import Phase
from .session import Session, experiment_from_config_text, load_experiment
from .file_errors import ExperimentFileError

__all__ = ["DEFAULT_CONFIG", "HEALTH_DEFAULTS", "LESSONS", "Lesson", "Phase", "Session", "validate_config",
           "ExperimentFileError", "experiment_from_config_text", "load_experiment"]
