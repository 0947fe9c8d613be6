"""The rules layer: checks beyond the JSON Schema.

``record_checks`` looks at one record at a time, while files are read;
``cross`` runs once at the end over the compact index of all records;
``quotes`` checks evidence quotes against source texts (``--sources``).
"""
