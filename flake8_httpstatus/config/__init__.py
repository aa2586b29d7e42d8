"""What a check runs under: the options every front end shares, their configuration files,
`# noqa` comments, and the library versions and target Python the analysed project declares."""
