"""Load benchmark (``make bench``) and soak test (``make soak``) of the production server.

Both build a throwaway database with generated content (``dataset``), run gunicorn with the
production settings on loopback (``server``) and drive it over HTTP; nothing leaves 127.0.0.1.
"""
