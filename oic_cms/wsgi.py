import os

from django.core.wsgi import get_wsgi_application

from oic_cms.client_address import ClientAddressWSGIMiddleware

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oic_cms.settings.production")

# The client address goes into the environ for gunicorn's access log (oic_cms/client_address.py).
application = ClientAddressWSGIMiddleware(get_wsgi_application())
