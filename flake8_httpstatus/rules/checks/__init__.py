"""The rules' checks, one module per family beside its records (rules/<family>.py): only these
import the engine's types, so reading the records (every run's options) does not load it."""
