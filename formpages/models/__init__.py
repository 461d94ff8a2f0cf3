from .built_form import FormPage, FormPageField, Submission

__all__ = ["FormPage", "FormPageField", "Submission"]
