from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

MISSING_HEADER_IMAGE_DESCRIPTION_MESSAGE = (
    "Dieses Bild hat keine Beschreibung (Alternativtext). Bitte in der Bildverwaltung eine "
    "Beschreibung ergänzen oder das Titelbild als rein dekorativ markieren."
)


class LoginForm(WagtailLoginForm):
    """Wagtail's login form, with a translatable label on the password field.

    Wagtail leaves that label to Django's field-name fallback, so German editors would
    read the English "Password" on an otherwise German login page.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = gettext_lazy("Password")


class HeaderImagePageForm(WagtailAdminPageForm):
    """Refuses to publish a header image without alt text unless it is marked decorative.

    Header images take their alt text from the image's description. The check lives in the
    admin form, not in ``Page.clean``, so imports and scripts can still save such pages (and
    are expected to mark their images decorative); drafts are spared like other required
    fields.
    """

    def clean(self):
        cleaned_data = super().clean()
        image = cleaned_data.get("header_image")
        if (
            image
            and not image.description
            and not cleaned_data.get("header_image_is_decorative")
            and not self.is_deferred_validation
        ):
            self.add_error("header_image", MISSING_HEADER_IMAGE_DESCRIPTION_MESSAGE)
        return cleaned_data
