"""ovopcheck: check IKM profiles against Kemenperin's OVOP criteria, with the legal basis of each result.

The public API is imported lazily so that ``ovopcheck --help`` does not pay for jsonschema.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__ as __version__

_API = {
    "check_file": "checker",
    "check_paths": "api",
    "exit_code": "api",
    "write_report": "api",
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
    "FailedFile": "model.results",
    "VariantResult": "model.results",
    "ProfileResult": "model.results",
    "Status": "model.enums",
    "Kind": "model.enums",
    "Verdict": "model.enums",
}

if TYPE_CHECKING:  # pragma: no cover
    from .api import check_paths, exit_code, write_report
    from .batch.discover import discover
    from .batch.workers import check_many
    from .checker import check_file
    from .errors import InputError, Problem
    from .evaluate import evaluate_profile
    from .loading.criteria import load_criteria_file
    from .loading.profile import load_profile, profile_from_text
    from .model.criteria import CriteriaSet, Criterion
    from .model.enums import Kind, Status, Verdict
    from .model.results import FailedFile, Finding, ProfileResult, VariantResult
    from .policy import apply_waivers
    from .report.formats import ReportContext, make_reporter
    from .report.prepare import prepare_outputs
    from .report.summary import BatchSummary
    from .sets import NoSetInForce, load_programme, load_sets


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'ovopcheck' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


__all__ = [  # noqa: RUF022 - kept in the order of _API
    "check_file",
    "check_paths",
    "exit_code",
    "write_report",
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
    "FailedFile",
    "VariantResult",
    "ProfileResult",
    "Status",
    "Kind",
    "Verdict",
]
