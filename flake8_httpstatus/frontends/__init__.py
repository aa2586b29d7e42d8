"""The ways in: the flake8 plugin, the `flake8-httpstatus` command (check, fix, explain, codes)
and its output formats, and the language server. Each is a thin layer over the same engine."""
