"""ovopcheck: check IKM profiles against Kemenperin's OVOP criteria, with the legal basis of each result.

The public API is imported lazily so that ``ovopcheck --help`` does not pay for jsonschema.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any

from ._version import __version__ as __version__

_API = {
    "check_file": "checker",
    "check_paths": "api",
    "exit_code": "api",
    "write_report": "api",
    "run": "batch.run",
    "Output": "batch.run",
    "discover": "batch.discover",
    "check_many": "batch.workers",
    "prepare_outputs": "report.prepare",
    "apply_waivers": "policy",
    "BatchSummary": "report.summary",
    "make_reporter": "report.formats",
    "ReportContext": "report.formats",
    "load_programme": "sets",
    "load_sets": "sets",
    "NoSetInForce": "sets",
    "evaluate_profile": "evaluate",
    "load_profile": "loading.profile",
    "load_criteria_file": "loading.criteria",
    "profile_from_text": "loading.profile",
    "InputError": "errors",
    "Problem": "errors",
    "CriteriaSet": "model.criteria",
    "Criterion": "model.criteria",
    "Finding": "model.results",
    "FileResult": "model.results",
    "Evaluation": "model.results",
    "Status": "model.enums",
    "Kind": "model.enums",
    "Verdict": "model.enums",
}
# Renamed in 0.2: the one evaluation of a profile was ProfileResult.
_RENAMED = {"ProfileResult": "Evaluation"}
# Gone in 0.2, kept for one release: a file's result is one type now (``FileResult``): ``result.checked``
# tells a file that could not be checked, ``result.evaluations`` holds one evaluation per variant.
_REPLACED = {"FailedFile": "FileResult", "VariantResult": "FileResult"}

if TYPE_CHECKING:  # pragma: no cover
    from .api import check_paths, exit_code, write_report
    from .batch.discover import discover
    from .batch.run import Output, run
    from .batch.workers import check_many
    from .checker import check_file
    from .errors import InputError, Problem
    from .evaluate import evaluate_profile
    from .loading.criteria import load_criteria_file
    from .loading.profile import load_profile, profile_from_text
    from .model.criteria import CriteriaSet, Criterion
    from .model.enums import Kind, Status, Verdict
    from .model.results import Evaluation, FileResult, Finding
    from .model.results import Evaluation as ProfileResult
    from .policy import apply_waivers
    from .report.formats import ReportContext, make_reporter
    from .report.prepare import prepare_outputs
    from .report.summary import BatchSummary
    from .sets import NoSetInForce, load_programme, load_sets


def __getattr__(name: str) -> Any:
    if name in _REPLACED:
        warnings.warn(
            f"ovopcheck.{name} is replaced by ovopcheck.FileResult (see README, Python API)",
            DeprecationWarning,
            stacklevel=2,
        )
    target = _RENAMED.get(name) or _REPLACED.get(name) or name
    module = _API.get(target)
    if module is None:
        raise AttributeError(f"module 'ovopcheck' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), target)
    if name not in _REPLACED:
        globals()[name] = value
    return value


__all__ = [  # noqa: RUF022 - kept in the order of _API
    "check_file",
    "check_paths",
    "exit_code",
    "write_report",
    "run",
    "Output",
    "discover",
    "check_many",
    "prepare_outputs",
    "apply_waivers",
    "BatchSummary",
    "make_reporter",
    "ReportContext",
    "load_programme",
    "load_sets",
    "NoSetInForce",
    "evaluate_profile",
    "load_profile",
    "load_criteria_file",
    "profile_from_text",
    "InputError",
    "Problem",
    "CriteriaSet",
    "Criterion",
    "Finding",
    "FileResult",
    "Evaluation",
    "ProfileResult",
    "Status",
    "Kind",
    "Verdict",
]
