NAME = "nspkg.plain"
