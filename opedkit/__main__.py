"""``python -m opedkit …`` runs the command line (see :mod:`opedkit.cli`)."""

from opedkit.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
