from django.urls import path

from oic_cms.form_tokens import form_token

from . import views

app_name = "formpages"

urlpatterns = [
    path("<int:page_id>/senden/", views.submit, name="submit"),
    path("formular-token/", form_token, name="form_token"),
]
