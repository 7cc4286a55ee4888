"""Results -> words and documents: messages (``messages``), the terminal-safety boundary (``safe``),
sentences (``sentences``), one view of each file (``view``), the JSON decision record (``record``), the batch
summary (``summary``), per-file payloads for every output (``prepare``) and the formats (``formats/``)."""
