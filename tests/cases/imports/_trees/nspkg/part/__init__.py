print("init nspkg.part")
