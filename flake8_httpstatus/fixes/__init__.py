"""Applying the engine's fixes as text edits, and placing the imports they need where the
project's isort or ruff settings put them. Knows nothing of how findings were detected."""
