"""The project index: what every module of the analysed project passes on as a status, found
once per project and kept in its cache."""
