from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import autosave, guide, two_factor, views

# Wagtail's own help entry, the English guide at docs.wagtail.org (wagtail.admin.wagtail_hooks).
WAGTAIL_GUIDE_MENU_NAME = "editor-guide"


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("zwei-faktor/", views.OverviewView.as_view(), name="editorial_two_factor"),
        path(
            "zwei-faktor/bestaetigen/",
            views.VerifyView.as_view(),
            name="editorial_two_factor_verify",
        ),
        path(
            "zwei-faktor/einrichten/",
            views.SetupView.as_view(),
            name="editorial_two_factor_setup",
        ),
        path(
            "zwei-faktor/wiederherstellungscodes/",
            views.RecoveryCodesView.as_view(),
            name="editorial_two_factor_recovery_codes",
        ),
        path(
            "zwei-faktor/abschalten/",
            views.DisableView.as_view(),
            name="editorial_two_factor_disable",
        ),
    ]


@hooks.register("register_admin_urls")
def editors_guide_urls():
    return [
        path("redaktionshandbuch/", guide.EditorsGuideView.as_view(), name="editorial_guide"),
    ]


@hooks.register("register_help_menu_item")
def editors_guide_menu_item():
    """First in the help menu, before Wagtail's "What's new" (order 1000) and English guide."""
    return MenuItem(
        guide.GUIDE_TITLE,
        reverse("editorial_guide"),
        name="redaktionshandbuch",
        icon_name="help",
        order=900,
    )


@hooks.register("construct_help_menu")
def say_that_wagtails_guide_is_english(request, menu_items):
    """Kept for what Wagtail does in general, under a name that tells it is not ours."""
    for item in menu_items:
        if item.name == WAGTAIL_GUIDE_MENU_NAME:
            item.label = "Wagtail-Handbuch (englisch)"


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("editorial_two_factor"),
        "label": "Zwei-Faktor-Anmeldung",
        "help_text": "Authenticator-App einrichten oder wechseln, Wiederherstellungscodes ansehen.",
    }


@hooks.register("construct_main_menu")
def hide_menu_while_held_at_setup(request, menu_items):
    """Someone who must set up an app first would only be sent back here by every menu item."""
    user = request.user
    if (
        not user.is_verified()
        and not two_factor.has_second_factor(user)
        and two_factor.second_factor_required(user)
    ):
        menu_items.clear()


hooks.register("before_edit_page", autosave.skip_unchanged_autosave)
hooks.register("after_create_page", autosave.note_autosaved_new_page)
hooks.register("before_create_page", autosave.free_slug_of_abandoned_page)
