"""ovopcheck: check IKM profiles against Kemenperin's OVOP criteria, with the legal basis of each result.

The public API is imported lazily so that ``ovopcheck --help`` does not pay for jsonschema.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_API = {
    "check_file": "api",
    "check_paths": "api",
    "exit_code": "api",
    "write_report": "api",
    "discover": "run",
    "check_many": "run",
    "prepare_outputs": "run",
    "apply_waivers": "policy",
    "BatchSummary": "summary",
    "make_reporter": "reporters",
    "ReportContext": "reporters",
    "load_programme": "api",
    "load_sets": "api",
    "NoSetInForce": "api",
    "evaluate_profile": "evaluate",
    "load_profile": "loading",
    "load_criteria_file": "loading",
    "profile_from_text": "loading",
    "InputError": "errors",
    "Problem": "errors",
    "CriteriaSet": "model",
    "Criterion": "model",
    "Finding": "model",
    "FailedFile": "model",
    "VariantResult": "model",
    "ProfileResult": "model",
    "Status": "model",
    "Kind": "model",
    "Verdict": "model",
}

if TYPE_CHECKING:  # pragma: no cover
    from .api import (
        NoSetInForce,
        check_file,
        check_paths,
        exit_code,
        load_programme,
        load_sets,
        write_report,
    )
    from .errors import InputError, Problem
    from .evaluate import evaluate_profile
    from .loading import load_criteria_file, load_profile, profile_from_text
    from .model import (
        CriteriaSet,
        Criterion,
        FailedFile,
        Finding,
        Kind,
        ProfileResult,
        Status,
        VariantResult,
        Verdict,
    )
    from .policy import apply_waivers
    from .reporters import ReportContext, make_reporter
    from .run import check_many, discover, prepare_outputs
    from .summary import BatchSummary


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
