"""Demo content built from the seed documents in ``seeds/``: real OIC texts, locally made media."""
