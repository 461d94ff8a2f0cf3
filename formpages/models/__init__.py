from .accessibility_statement import AccessibilityStatementPage, StatementFeedbackField
from .built_form import FormPage, FormPageField, Submission

__all__ = [
    "AccessibilityStatementPage",
    "FormPage",
    "FormPageField",
    "StatementFeedbackField",
    "Submission",
]
