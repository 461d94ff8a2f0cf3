from wagtail import hooks

VIEW_SUBMISSIONS = "formpages.view_submission"


@hooks.register("filter_form_submissions_for_user")
def submissions_only_for_those_allowed(user, editable_forms):
    """Wagtail shows a form's submissions to everyone who may edit the page; they hold
    visitors' personal data, so only groups with the right see them (README, rights table)."""
    if user.has_perm(VIEW_SUBMISSIONS):
        return editable_forms
    return editable_forms.none()
