from .categories import Category
from .easy_language import EasyLanguagePage
from .images import CreditedImage, CreditedImageRendition
from .pages import StandardPage
from .people import AuthorRow, Person
from .sign_language import SignLanguagePage
from .site_settings import FooterLink, SiteSettings, SocialLink

__all__ = [
    "AuthorRow",
    "Category",
    "EasyLanguagePage",
    "FooterLink",
    "CreditedImage",
    "CreditedImageRendition",
    "Person",
    "SignLanguagePage",
    "SiteSettings",
    "SocialLink",
    "StandardPage",
]
