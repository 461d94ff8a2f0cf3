from django.urls import path

from oic_cms.form_tokens import form_token

from . import views

app_name = "newsletter"

urlpatterns = [
    path("", views.signup, name="signup"),
    path("anmelden/", views.subscribe, name="subscribe"),
    path("formular-token/", form_token, name="form_token"),
    path("fast-geschafft/", views.thanks, name="thanks"),
    path("bestaetigen/<str:token>/", views.confirm, name="confirm"),
    path("abmelden/<str:token>/", views.unsubscribe_page, name="unsubscribe"),
    path("abmelden/<str:token>/sofort/", views.unsubscribe_one_click, name="unsubscribe_one_click"),
]
