"""The one pass over a file's `ast`: the walk, the engine and its recognizers of status sites,
the response flow within a function, the project's own sinks, and the constants messages name."""
