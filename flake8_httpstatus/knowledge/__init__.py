"""What is known before any project is read, as data: the status-code registry, what each
library does with a status (`frameworks`), what each framework documents (`openapi`) and what
shows an expression is a response (`receivers`). Imports only `core`."""
