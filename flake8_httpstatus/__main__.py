from flake8_httpstatus.frontends.cli import main

raise SystemExit(main())
