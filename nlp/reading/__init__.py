"""Reading input: files, folders, JSON Lines and HTML pages into :class:`~nlp.records.Document`.

- :mod:`nlp.reading.reader`: paths and standard input to documents, every problem a :class:`~nlp.reading.errors.Skip`;
- :mod:`nlp.reading.html_text`: the visible text of an HTML page;
- :mod:`nlp.reading.errors`: what a skipped input or a note says.
"""
