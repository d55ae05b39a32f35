"""The one LLM client (:class:`LLMClient`) and its errors; see :mod:`digestgen.llm.client`."""

from .client import LLM_FIELDS, Completion, LLMClient, LLMOptions, Prepared
from .errors import BudgetExceeded, CallFailed, EndpointError, LLMError, PriceUnknown
from .redact import Redactor, redact, redact_url

__all__ = ["LLM_FIELDS", "BudgetExceeded", "CallFailed", "Completion", "EndpointError", "LLMClient", "LLMError",
           "LLMOptions", "Prepared", "PriceUnknown", "Redactor", "redact", "redact_url"]
