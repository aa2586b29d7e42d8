"""LibCST codemod commands (extra [libcst]): list this package under `modules` in
`.libcst.codemod.yaml` and `python -m libcst.tool codemod httpstatus.FixStatusCodes` finds them."""
