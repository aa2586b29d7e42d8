"""The vocabulary every layer shares: findings and their edits, source files read and written
without losing a byte, and the column units each output counts in. Imports nothing above it."""
