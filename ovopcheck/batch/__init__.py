"""Many files: what to check under the given paths (``discover``), checking them in worker processes in
input order (``workers``), and the one run loop the CLI and the API share (``run``)."""
