"""Who said what: one reading of the quotes of a document, by job.

- :mod:`.stretches`: where the quotes are: stretches between quotation
  marks (also over paragraphs), the complement of a reporting verb ("X said
  (that) ..."), a block quote after "X said:", "according to X";
- :mod:`.speakers`: who the subject of a reporting verb is, by the declared
  rules of :data:`~nlp.relations.quotes.speakers.SPEAKER_RULES`;
- :mod:`.records`: the quote step itself (:func:`read_quotes`): finders,
  attribution in text order, the fills, the :class:`~nlp.records.Quote`
  records, and what the relation step reads of them: the speaker of a
  quote's verb, the quoted stretches, the quote's words as evidence
  (:func:`quote_relations`, :func:`with_quote_text`).

The quotes are read once per document; the relations read that reading, so
a link's ``reported_by`` and the graph's quotes name the same speaker.
"""
from nlp.relations.quotes.records import (CONTINUATION_RULES, QUOTE_PASSES, QuoteReading,
                                          quote_relations, read_quotes, with_quote_text)
from nlp.relations.quotes.speakers import SPEAKER_RULES, city_country
from nlp.relations.quotes.stretches import quote_stretches, quote_verbs

__all__ = ["CONTINUATION_RULES", "QUOTE_PASSES", "QuoteReading", "SPEAKER_RULES", "city_country", "quote_relations",
           "quote_stretches", "quote_verbs", "read_quotes", "with_quote_text"]
