"""The values that flow through ovopcheck, all frozen: criteria (``criteria.py``), the closed value sets
(``enums.py``) and results (``results.py``). No I/O, no clock."""
