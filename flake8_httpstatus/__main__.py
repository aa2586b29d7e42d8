from flake8_httpstatus.cli import main

raise SystemExit(main())
