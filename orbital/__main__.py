"""python -m orbital: the command line."""

from .cli import main

raise SystemExit(main())
