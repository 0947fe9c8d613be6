"""Authoring shorthand: less typing for people who write dipos data by hand.

The exchange format is explicit: every record carries its own holders, dates and
sources (no inheritance). People writing data by hand may use a shorthand that
``dipos convert`` expands into that explicit form:

* :mod:`dipos.authoring.defaults`: values entered once (per record list, per group
  of records, or per sheet of a workbook) and written into every record that does
  not give its own;
* :mod:`dipos.authoring.ids`: ids generated from a record's content when left empty,
  stably (the same content always gives the same id);
* :mod:`dipos.authoring.expand`: both, applied to an authoring YAML or JSON document.
"""
