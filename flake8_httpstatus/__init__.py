"""flake8-httpstatus: lint HTTP status codes in Python web-framework code."""

# The one place the version is written (pyproject.toml reads it): asking the installed
# metadata for it would scan sys.path in every flake8 run.
__version__ = "0.1.0"
