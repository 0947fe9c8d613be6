"""The index layer: what the rules across records need to know of each record.

* :mod:`.fields`: the record layout (where references, codes and dates are), derived
  from the models' metadata;
* :mod:`.compact`: the columnar index of ids, types, dates and references;
* :mod:`.entries`: a record reduced to its rows of the index;
* :mod:`.records`: the full entry of a record, to write messages from;
* :mod:`.recover`: records read back from their files by entry number;
* :mod:`.dates`: the day ranges of EDTF dates.

It imports the reading layer and the base modules, never the checks or the engine.
"""
