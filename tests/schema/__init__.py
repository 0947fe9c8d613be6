"""Tests of the dipos foundation: models, generated schema, portability, fixtures."""
