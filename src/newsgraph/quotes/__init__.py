"""Stage 6: direct quotations and the actors who said them.

``scan`` finds quoted text on the raw string, ``extract`` ties each quote to its cue
and speaker phrase with the parse (``attribution`` reads the cue's clause), ``speakers``
turns speaker phrases (names, pronouns, descriptions such as "the president", unnamed
sources) into actors, and ``confidence`` says how surely the speaker was found.
"""

from newsgraph.quotes.extract import extract_quotes
from newsgraph.quotes.scan import Quotation, cue_lexicon, scan_quotations

__all__ = ["Quotation", "cue_lexicon", "extract_quotes", "scan_quotations"]
