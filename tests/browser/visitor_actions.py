"""Steps several browser tests take: moving by keyboard, reading the mails the site wrote."""

import email
from email import policy

MAX_TABS = 80


def tab_to(page, matches):
    """Press Tab until the focused element satisfies ``matches`` (a JS predicate on it)."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate(f"(element => {matches})(document.activeElement)"):
            return
    raise AssertionError(f"never reached an element matching {matches}")


def write_mails_to(settings, mail_folder):
    """The live server's mails go to files in ``mail_folder``, as in development."""
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "OPTIONS": {"file_path": str(mail_folder)},
        }
    }


def written_emails(mail_folder):
    messages = []
    for path in sorted(mail_folder.glob("*.log")):
        for raw in path.read_text().split("-" * 79):
            if raw.strip():
                messages.append(email.message_from_string(raw.strip(), policy=policy.default))
    return messages
