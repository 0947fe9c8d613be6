"""Tests of the documentation site generator (``dipos.docsgen``) and the site build."""
