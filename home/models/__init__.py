from .easy_language import EasyLanguagePage
from .images import CreditedImage, CreditedImageRendition
from .pages import HomePage, StandardPage
from .people import Person
from .site_settings import FooterLink, SiteSettings, SocialLink

__all__ = [
    "EasyLanguagePage",
    "FooterLink",
    "HomePage",
    "CreditedImage",
    "CreditedImageRendition",
    "Person",
    "SiteSettings",
    "SocialLink",
    "StandardPage",
]
