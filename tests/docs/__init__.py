"""Tests of the documentation site generator (``dipos_docs``) and the site build."""
