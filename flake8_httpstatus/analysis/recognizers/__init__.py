"""The engine's recognizers, one module per syntactic family; see docs/architecture.md."""
